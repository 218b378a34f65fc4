import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

/**
 * How one side (a SignatureParty's key) signed one document (docs/signature-images.md): drawn on screen, a chosen
 * signature image, a seal image (a side may have both), or on paper (a scan of the signed page attached later).
 * Apart from the document's row: the signature hash covers the document, not these, and a side marked 纸质签署 gets
 * its scan after the document is locked. The row id is `<documentId>:<side>`, so two devices recording the same
 * side write one row and merge per field. Images are blob refs (`sha256:<hex>`, docs/sync.md §8): stored once in
 * sync_blobs, synced as attachments.
 */
export const documentSignatures = sqliteTable(
  'document_signatures',
  {
    ...syncColumns(),
    /** The document's sync entity (its table), e.g. 'diagnoses'. */
    documentEntity: text('document_entity').notNull(),
    documentId: text('document_id').notNull(),
    side: text('side').notNull(),
    method: text('method', { enum: ['drawn', 'image', 'paper'] }).notNull(),
    signerName: text('signer_name').notNull().default(''),
    /** The day signed (YYYY-MM-DD); for 纸质签署, the date on the paper once its scan is attached. */
    signedOn: text('signed_on'),
    signatureRef: text('signature_ref'),
    sealRef: text('seal_ref'),
    /** The scan of the page signed on paper (method 'paper'); null until it is attached. */
    paperScanRef: text('paper_scan_ref'),
  },
  (t) => [index('document_signatures_document_idx').on(t.documentId)],
);
