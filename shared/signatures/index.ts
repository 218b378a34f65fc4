export {
  CHECK_CODE_HASH_DIGITS,
  formatCheckCode,
  formatCheckCodeLine,
  hashMatchesCheckCode,
  parseCheckCode,
  type CheckCode,
  type CheckCodeParse,
} from './check-code.js';
