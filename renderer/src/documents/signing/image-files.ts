// Reading a chosen image file for the signing dialog: refused here when too large to send (the same words the
// image check uses, shared/domain/side-signature.ts), otherwise checked and prepared by the backend.
import { signatureFileTooLarge, type PreparedImage, type SignatureImageSource } from '../../../../shared/domain/side-signature.js';
import { call } from '../../api/client.js';

export function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

/** The prepared image, or throws with the message to show next to the field. */
export async function prepareChosenImage(file: File, source: SignatureImageSource): Promise<PreparedImage> {
  const tooLarge = signatureFileTooLarge(file.size);
  if (tooLarge) throw new Error(tooLarge);
  return call('documents.prepareSignatureImage', { source, base64: await fileBase64(file) });
}

export const pngDataUrl = (base64: string) => `data:image/png;base64,${base64}`;
