// Each side's signature of a document (db/schema/document-signatures.ts): read per document, saved with its outbox
// ops and audit entry in one transaction. Never touches the document itself (its signature is sync.md §7's).
import { and, eq, isNull } from 'drizzle-orm';
import type { SideSignature } from '../../shared/domain/side-signature.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { documentSignatures } from '../schema/index.js';

export const SIDE_SIGNATURE_ENTITY = 'document_signatures';

/** One row per document and side: two devices recording the same side merge into it field by field. */
export const sideSignatureRowId = (documentId: string, side: string) => `${documentId}:${side}`;

type Row = typeof documentSignatures.$inferSelect;

const sideOf = (r: Row): SideSignature => ({
  side: r.side,
  method: r.method,
  signerName: r.signerName,
  signedOn: r.signedOn,
  signatureRef: r.signatureRef,
  sealRef: r.sealRef,
  paperScanRef: r.paperScanRef,
});

export function readSideSignatures(db: Executor, documentId: string): SideSignature[] {
  return db
    .select()
    .from(documentSignatures)
    .where(and(eq(documentSignatures.documentId, documentId), isNull(documentSignatures.deletedAt)))
    .all()
    .map(sideOf)
    .sort((a, b) => a.side.localeCompare(b.side));
}

/** Stores one side (creates or updates its row); returns false when nothing changed. */
export function saveSideSignature(db: Executor, ctx: ChangeContext, target: { entity: string; documentId: string }, side: SideSignature, summary: string): boolean {
  return db.transaction((tx) => {
    const id = sideSignatureRowId(target.documentId, side.side);
    const now = ctx.now().toISOString();
    const existing = tx.select().from(documentSignatures).where(eq(documentSignatures.id, id)).get();
    const after = { documentEntity: target.entity, documentId: target.documentId, ...side };
    if (!existing) {
      tx.insert(documentSignatures).values({ id, version: 0, createdAt: now, updatedAt: now, ...after }).run();
      recordChange(tx, ctx, { entity: SIDE_SIGNATURE_ENTITY, rowId: id, action: 'create', baseVersion: 0, before: {}, after, summary });
      return true;
    }
    const before = { documentEntity: existing.documentEntity, documentId: existing.documentId, ...sideOf(existing) };
    const changed = recordChange(tx, ctx, { entity: SIDE_SIGNATURE_ENTITY, rowId: id, action: 'update', baseVersion: existing.version, before, after, summary });
    if (changed === null) return false;
    tx.update(documentSignatures).set({ ...after, updatedAt: now, deletedAt: null }).where(eq(documentSignatures.id, id)).run();
    return true;
  });
}
