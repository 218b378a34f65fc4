// Proposals from a signing race (docs/sync.md §Signing): edits another device made to a document that is signed,
// kept so they can become a new revision. The sync server makes them; a device only resolves them.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { recordChange, type ChangeContext } from '../change-recorder.js';
import { signProposals } from '../schema/index.js';

export type SignProposalRow = typeof signProposals.$inferSelect;
export type ProposalResolution = 'revision' | 'dismissed';

/** The open proposals of one document, oldest first. */
export function openProposalsOf(db: Executor, documentEntity: string, documentId: string): SignProposalRow[] {
  return db
    .select()
    .from(signProposals)
    .where(
      and(
        eq(signProposals.documentEntity, documentEntity),
        eq(signProposals.documentId, documentId),
        isNull(signProposals.resolvedAt),
        isNull(signProposals.deletedAt),
      ),
    )
    .orderBy(asc(signProposals.proposedAt), asc(signProposals.id))
    .all();
}

export function getProposal(db: Executor, id: string): SignProposalRow | undefined {
  return db.select().from(signProposals).where(eq(signProposals.id, id)).get();
}

/** The proposed values by wire field. */
export function proposedValues(row: SignProposalRow): Record<string, unknown> {
  try {
    const parsed = JSON.parse(row.proposedJson) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Marks a proposal resolved on this device; synced like any edit, so the others stop offering it. */
export function resolveProposal(db: Executor, ctx: ChangeContext, row: SignProposalRow, resolution: ProposalResolution, summary: string): void {
  const at = ctx.now().toISOString();
  recordChange(db, ctx, {
    entity: 'sign_proposals',
    rowId: row.id,
    action: 'update',
    baseVersion: row.version,
    before: { resolvedAt: row.resolvedAt, resolution: row.resolution },
    after: { resolvedAt: at, resolution },
    summary,
  });
  db.update(signProposals).set({ resolvedAt: at, resolution, updatedAt: at }).where(eq(signProposals.id, row.id)).run();
}
