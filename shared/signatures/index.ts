export {
  CHECK_CODE_HASH_DIGITS,
  formatCheckCode,
  formatCheckCodeLine,
  hashMatchesCheckCode,
  parseCheckCode,
  type CheckCode,
  type CheckCodeParse,
} from './check-code.js';
export { FILE_PROPERTY, fileProperties, readFileProperties, type FileIdentity, type FileSignature } from './file-properties.js';
