// How each side signed a document (docs/signature-images.md §Sides), as it crosses the RPC boundary and the wire.
import { z } from 'zod';

/** On screen: drawn with the mouse/pen, or a chosen image (scanned signature and/or seal); or on paper. */
export const SIDE_SIGN_METHODS = ['drawn', 'image', 'paper'] as const;
export type SideSignMethod = (typeof SIDE_SIGN_METHODS)[number];

/** What an image is, for checking and sizing it (core/signatures: 'page' is the scan of a page signed on paper). */
export const SIGNATURE_IMAGE_SOURCES = ['drawn', 'scan', 'seal', 'page'] as const;
export type SignatureImageSource = (typeof SIGNATURE_IMAGE_SOURCES)[number];

/** Files above this are refused before they are read (the renderer says so before sending one). */
export const MAX_SIGNATURE_FILE_BYTES = 10 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** 「图片太大（20.3 MB）…」: the same words from the renderer (before upload) and from the image check. */
export function signatureFileTooLarge(size: number): string | null {
  return size > MAX_SIGNATURE_FILE_BYTES ? `图片太大（${megabytes(size)}），请选择 ${megabytes(MAX_SIGNATURE_FILE_BYTES)} 以内的图片，或先裁剪、压缩` : null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const blobRef = z.string().regex(/^sha256:[0-9a-f]{64}$/);
export const SIGNER_NAME_MAX = 50;

export const sideSignatureSchema = z.object({
  side: z.string().max(64),
  method: z.enum(SIDE_SIGN_METHODS),
  signerName: z.string().max(SIGNER_NAME_MAX),
  signedOn: isoDate.nullable(),
  signatureRef: blobRef.nullable(),
  sealRef: blobRef.nullable(),
  paperScanRef: blobRef.nullable(),
});
export type SideSignature = z.infer<typeof sideSignatureSchema>;

/** Base64 of an image: at most MAX_SIGNATURE_FILE_BYTES of bytes. */
const imageBase64 = z.string().max(Math.ceil((MAX_SIGNATURE_FILE_BYTES * 4) / 3) + 4);

/** One side as the signing dialog sends it: images as base64 (checked and prepared again by the service). */
export const sideSignInputSchema = sideSignatureSchema
  .omit({ signatureRef: true, sealRef: true, paperScanRef: true })
  .extend({ signature: imageBase64.nullable(), seal: imageBase64.nullable() });
export type SideSignInput = z.infer<typeof sideSignInputSchema>;

export const preparedImageSchema = z.object({ sha256: z.string(), base64: z.string(), width: z.number().int(), height: z.number().int() });
export type PreparedImage = z.infer<typeof preparedImageSchema>;

export { imageBase64 as signatureImageBase64Schema };
