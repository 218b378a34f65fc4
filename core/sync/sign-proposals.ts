// A proposal from a signing race reaching this device (docs/sync.md §Signing): the document's history says so, in the
// same transaction as the pulled row, so nobody learns of a displaced edit only by opening the document.
import type { Executor } from '../../db/database.js';
import { auditLog, incubators } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import type { PulledRow } from '../../shared/sync/protocol.js';
import { documentEntityLabel, proposalFieldLabel } from '../../shared/forms/sync-labels.js';
import { syncEntity } from './registry.js';
import { readLocalRow } from './local-rows.js';

export function proposalSummary(db: Executor, row: PulledRow): { entity: string; rowId: string; summary: string } | null {
  const { documentEntity, documentId, reason, proposed } = row.fields;
  if (typeof documentEntity !== 'string' || typeof documentId !== 'string') return null;
  const def = syncEntity(documentEntity);
  const doc = def ? readLocalRow(db, def, documentId) : undefined;
  const incubator = typeof doc?.incubatorId === 'string' ? db.select({ name: incubators.name }).from(incubators).where(eq(incubators.id, doc.incubatorId)).get() : undefined;
  const what = `${incubator ? `「${incubator.name}」` : ''}${documentEntityLabel(documentEntity) ?? '文档'}${typeof doc?.revision === 'number' ? `（第 ${doc.revision} 版）` : ''}`;
  const labels = Object.keys(proposed && typeof proposed === 'object' ? proposed : {}).map((f) => `「${proposalFieldLabel(documentEntity, f)}」`);
  const when = reason === 'raced' ? '签署前另一台设备的修改' : '签署后另一台设备的修改';
  return { entity: documentEntity, rowId: documentId, summary: `${what}：${when}（${labels.join('、')}）未写入签署版本，已保留为修订建议` };
}

/** The history entry of a proposal pulled for the first time. */
export function recordProposalArrival(db: Executor, row: PulledRow, at: string): void {
  const s = proposalSummary(db, row);
  if (!s) return;
  db.insert(auditLog)
    .values({ at, actor: 'sync', entity: s.entity, rowId: s.rowId, action: 'update', summary: s.summary, before: null, after: JSON.stringify({ proposal: row.rowId }) })
    .run();
}
