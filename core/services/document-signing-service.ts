// Signing a completed document and revising a signed one (sync.md §7), for every kind. A signed document is locked
// on every device (and by the database guard, db/signed-guard-sql.ts); a change after signing is a new revision
// (a new row) that supersedes it, and the signed one stays readable.
import { AppError } from '../../shared/rpc/result.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { SignedState } from '../../shared/contract/documents-contract.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import type { DocumentDefinition } from '../../shared/forms/document-definition.js';
import type { DocumentLists } from '../../shared/forms/document-data.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { checkFields } from '../../shared/forms/field-engine.js';
import type { Executor, WorkbenchDb } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { createDocument, entityOf, getDocument, supersedingRevisionOf } from '../../db/repositories/document-repository.js';
import { SYNC_KEYS, getSigned } from '../../db/repositories/sync-state-repository.js';
import { readMeta } from '../../db/meta-store.js';
import { RowNotFound } from '../../db/errors.js';
import { signDocument } from '../sync/documents.js';
import { requireIncubator } from './document-model-service.js';
import { adoptedProposalSummary, proposedDocumentValues, requireOpenProposal } from './sign-proposal-service.js';
import { resolveProposal } from '../../db/repositories/sign-proposal-repository.js';

export const REVISION_REASON_MAX = 500;
/** The hidden item field that names the item a revised item came from (the revision diff pairs them by it). */
export const ORIGIN_FIELD = 'origin';

export function requireDocument(db: Executor, kind: DocumentKind, id: string): DocumentRecord {
  const found = getDocument(db, kind, id);
  if (!found) throw new RowNotFound(entityOf(kind), id);
  return found;
}

export function signedStateOf(db: Executor, kind: DocumentKind, id: string): SignedState | null {
  const s = getSigned(db, entityOf(kind), id);
  if (!s) return null;
  // Waiting for the server only where there is one: with no server the signature here is the whole of it.
  const awaitingServer = s.state === 'pending' && readMeta(db, SYNC_KEYS.serverUrl) !== null;
  return { version: s.version, hash: s.hash, at: s.signedAt, awaitingServer };
}

/**
 * Signs a completed document on this device, with or without a sync server (docs/sync.md §Signing): it is locked
 * at once, and its version, hash and time are recorded. With a server, the signature syncs and is confirmed there.
 */
export function signStoredDocument(db: WorkbenchDb, ctx: ChangeContext, kind: DocumentKind, id: string): SignedState {
  const def = definitionOf(kind);
  const record = requireDocument(db, kind, id);
  if (signedStateOf(db, kind, id)) throw new AppError('locked', `该${def.shortName}已签署。`);
  if (record.status !== 'completed') throw new AppError('validation', `请先完成${def.shortName}（状态为“${def.statusWording.completed}”），再签署。`);
  const incubator = requireIncubator(db, record.incubatorId);
  const supersedes = record.revisionOf ? `，取代第 ${record.revision - 1} 版` : '';
  const sign = signDocument(db, ctx, entityOf(kind), id, `签署「${incubator.name}」${def.shortName}（第 ${record.revision} 版${supersedes}）`);
  return { ...sign, at: ctx.now().toISOString() };
}

/**
 * Both sides' agreement to a revision (§5.2.4 d), checked like any field: each named, the date a real date. Refused
 * with every problem at once, each next to its field.
 */
function checkedAgreement(def: DocumentDefinition, agreement: Readonly<Record<string, FieldValue>>): Record<string, FieldValue> {
  const rule = def.revisionAgreement;
  if (!rule) return {};
  const fields = rule.fields.flatMap((k) => def.fields.filter((f) => f.key === k)).map((f) => ({ ...f, required: true }));
  const check = checkFields(fields, agreement);
  const errors = check.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new AppError('validation', `修订需经双方协商一致：${errors.map((e) => e.message).join('；')}`, { field: errors[0]!.field, issues: errors });
  return check.normalized;
}

/** The items of a new revision: new ids (the signed revision keeps its rows), each knowing the item it came from. */
function revisedLists(def: DocumentDefinition, lists: DocumentLists): DocumentLists {
  return Object.fromEntries(
    Object.entries(lists).map(([k, items]) => {
      const tracksOrigin = def.lists.find((l) => l.key === k)?.fields.some((f) => f.key === ORIGIN_FIELD) ?? false;
      return [k, items.map((i) => ({ id: crypto.randomUUID(), values: tracksOrigin ? { ...i.values, [ORIGIN_FIELD]: i.values[ORIGIN_FIELD] || i.id } : i.values }))];
    }),
  );
}

/**
 * Starts a new revision of a signed document: same values, items and copies, as a draft. `agreement`: both sides'
 * agreement, for definitions that ask for it (only its fields are taken); `refreshed`: what the kind re-reads from
 * other records (the plan: the contract's fee and end); `proposalId`: a signing-race proposal whose values the new
 * revision takes (docs/sync.md §Signing), resolved in the same transaction.
 */
export function reviseStoredDocument(
  db: WorkbenchDb,
  ctx: ChangeContext,
  kind: DocumentKind,
  id: string,
  reason: string,
  agreement: Readonly<Record<string, FieldValue>> = {},
  refreshed: Readonly<Record<string, FieldValue>> = {},
  proposalId?: string,
): DocumentRecord {
  const def = definitionOf(kind);
  const why = reason.trim();
  if (!why) throw new AppError('validation', '请填写修订原因。', { field: 'reason' });
  if (why.length > REVISION_REASON_MAX) throw new AppError('validation', `修订原因不能超过 ${REVISION_REASON_MAX} 个字。`, { field: 'reason' });
  const agreed = checkedAgreement(def, agreement);
  return db.transaction((tx) => {
    const old = requireDocument(tx, kind, id);
    if (!getSigned(tx, entityOf(kind), id)) {
      throw new AppError('conflict', `只有已签署的${def.shortName}才需要新建修订版本；未签署的可以直接修改。`);
    }
    const newer = supersedingRevisionOf(tx, kind, id);
    if (newer) throw new AppError('conflict', `该${def.shortName}已有第 ${newer.revision} 版修订，请在最新版本上修改。`);
    const incubator = requireIncubator(tx, old.incubatorId);
    const proposal = proposalId === undefined ? null : requireOpenProposal(tx, old, proposalId);
    const proposed = proposal ? proposedDocumentValues(old, proposal) : {};
    const revised = createDocument(
      tx,
      ctx,
      kind,
      {
        incubatorId: old.incubatorId,
        values: { ...old.values, ...proposed, ...refreshed, ...agreed },
        lists: revisedLists(def, old.lists),
        status: 'draft',
        snapshots: old.snapshots,
        revisionOf: { id: old.id, revision: old.revision + 1, reason: why },
      },
      `修订「${incubator.name}」的${def.shortName}（第 ${old.revision + 1} 版）：${why}`,
    );
    if (proposal) resolveProposal(tx, ctx, proposal, 'revision', adoptedProposalSummary(old, revised.revision));
    return revised;
  });
}
