export { sha256Hex } from './content-address.js';
export {
  MAX_SIGNATURE_FILE_BYTES,
  MAX_SIGNATURE_PIXELS,
  prepareSignatureImage,
  type PreparedSignatureImage,
  type SignatureImageResult,
  type SignatureImageSource,
} from './signature-image.js';
export { pngSize } from './png-size.js';
