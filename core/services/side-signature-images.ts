// The stored images of each side's signature, for the exports and the signing block (docs/signature-images.md):
// read from the blob store by ref, sized from the PNG header. Apart from side-signature-service because the document
// model reads it, and that service signs through the signing service, which reads the model.
import type { DocumentImage, PrintedSide } from '../../shared/forms/document-model.js';
import { BLOB_REF_PATTERN, BLOB_REF_PREFIX } from '../../shared/sync/protocol.js';
import type { Executor } from '../../db/database.js';
import { readSideSignatures } from '../../db/repositories/side-signature-repository.js';
import { getBlob } from '../../db/repositories/sync-state-repository.js';
import { pngSize } from '../signatures/png-size.js';

/** A stored image by its ref, or null while its blob has not been downloaded yet (another device's signature). */
export function imageOfRef(db: Executor, ref: string | null): DocumentImage | null {
  if (!ref || !BLOB_REF_PATTERN.test(ref)) return null;
  const png = getBlob(db, ref.slice(BLOB_REF_PREFIX.length));
  const size = png ? pngSize(png) : null;
  return png && size ? { png, widthPx: size.width, heightPx: size.height } : null;
}

/** What the exports print in each side's block: its images, its signer and date (DocumentModel.sides). */
export function sidesForExport(db: Executor, documentId: string): Record<string, PrintedSide> {
  return Object.fromEntries(
    readSideSignatures(db, documentId).map((s) => [
      s.side,
      { method: s.method, signerName: s.signerName, signedOn: s.signedOn, signature: imageOfRef(db, s.signatureRef), seal: imageOfRef(db, s.sealRef) },
    ]),
  );
}
