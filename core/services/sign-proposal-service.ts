// Proposals from a signing race on the document page (docs/sync.md §Signing): what another device's edit would have
// changed, shown with the form's labels, and turned into a new revision's values or set aside.
import { AppError } from '../../shared/rpc/result.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { SignProposal } from '../../shared/contract/documents-contract.js';
import { definitionOf } from '../../shared/forms/registry.js';
import type { DocumentDefinition } from '../../shared/forms/document-definition.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { VALUES_PREFIX } from '../../shared/sync/field-schemas.js';
import { DELETED_FIELD } from '../../shared/sync/protocol.js';
import { proposalFieldLabel } from '../../shared/forms/sync-labels.js';
import type { Executor } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { entityOf } from '../../db/repositories/document-repository.js';
import { getProposal, openProposalsOf, proposedValues, resolveProposal, type SignProposalRow } from '../../db/repositories/sign-proposal-repository.js';

/** The document field a wire field is (`values.x` or an own column's key), or null for bookkeeping (status, copies). */
function documentKeyOf(def: DocumentDefinition, wireField: string): string | null {
  const key = wireField.startsWith(VALUES_PREFIX) ? wireField.slice(VALUES_PREFIX.length) : wireField;
  return def.fields.some((f) => f.key === key) ? key : null;
}

/** A list item's field (`items.<id>.<field>`): listed, not taken into a revision (its items get new ids). */
function isItemField(field: string): boolean {
  return field.startsWith('items.') && !field.endsWith(`.${DELETED_FIELD}`);
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function proposalsOf(db: Executor, record: DocumentRecord): SignProposal[] {
  const def = definitionOf(record.kind);
  // Only the form's fields and list items' values: a status or completion time that differed is bookkeeping.
  return openProposalsOf(db, entityOf(record.kind), record.id)
    .map((p) => ({
      id: p.id,
      reason: p.reason === 'raced' ? ('raced' as const) : ('after-sign' as const),
      proposedAt: p.proposedAt,
      changes: Object.entries(proposedValues(p))
        .filter(([field]) => documentKeyOf(def, field) !== null || isItemField(field))
        .map(([field, value]) => ({ field, label: proposalFieldLabel(def.entity, field), value: shown(value) })),
    }))
    .filter((p) => p.changes.length > 0);
}

/** An open proposal of this document, or a clear refusal. */
export function requireOpenProposal(db: Executor, record: DocumentRecord, proposalId: string): SignProposalRow {
  const p = getProposal(db, proposalId);
  if (!p || p.documentId !== record.id || p.documentEntity !== entityOf(record.kind) || p.deletedAt) {
    throw new AppError('not-found', '找不到这条修订建议，它可能已在其他设备上处理。');
  }
  if (p.resolvedAt) throw new AppError('conflict', '这条修订建议已处理过（可能在其他设备上），请刷新页面。');
  return p;
}

/** The document values a proposal offers to a new revision (only the form's fields; the rest is bookkeeping). */
export function proposedDocumentValues(record: DocumentRecord, p: SignProposalRow): Record<string, FieldValue> {
  const def = definitionOf(record.kind);
  const out: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(proposedValues(p))) {
    const key = documentKeyOf(def, field);
    if (key !== null && (value === null || ['string', 'number', 'boolean'].includes(typeof value))) out[key] = value as FieldValue;
  }
  return out;
}

export function adoptedProposalSummary(record: DocumentRecord, revision: number): string {
  return `采纳签署时未写入的修改：${definitionOf(record.kind).shortName}第 ${record.revision} 版的修订建议写入第 ${revision} 版`;
}

export function dismissProposal(db: Executor, ctx: ChangeContext, record: DocumentRecord, proposalId: string): void {
  const p = requireOpenProposal(db, record, proposalId);
  resolveProposal(db, ctx, p, 'dismissed', `忽略${definitionOf(record.kind).shortName}第 ${record.revision} 版的修订建议（签署时未写入的修改）`);
}
