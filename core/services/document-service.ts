// The `documents.*` methods for every kind (docs/documents.md §RPC): written once, reading the definition of the
// kind they are called with. Drafts are never refused for their content (what is typed is kept); completing is
// refused while any field has an error; a completed or signed document keeps its copy of the incubator header.
import type { documentsContract, DocumentView } from '../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { DocumentLists } from '../../shared/forms/document-data.js';
import { checkDocument, emptyDocumentValues, errorsOf } from '../../shared/forms/document-check.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { checkFields } from '../../shared/forms/field-engine.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import { DEFAULT_RULE_SET_ID } from '../../shared/eligibility/builtin-rule-sets.js';
import { AppError } from '../../shared/rpc/result.js';
import { readAgencyValues } from '../../db/repositories/agency-repository.js';
import {
  createDocument,
  deleteDocument,
  latestDocumentOf,
  listDocuments,
  supersedingRevisionOf,
  updateDocument,
} from '../../db/repositories/document-repository.js';
import type { Executor } from '../../db/database.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { exportDocumentFile, toExportedFile } from './document-export-service.js';
import { changedSince, incubatorValuesOf, printedRecords, requireIncubator, takeSnapshots } from './document-model-service.js';
import { requireDocument, reviseStoredDocument, signedStateOf } from './document-signing-service.js';
import { dismissProposal, proposalsOf } from './sign-proposal-service.js';
import { isKnownRuleSet } from './rule-set-service.js';
import { issueDocumentNumber, refuseDuplicateNumber } from './document-number-service.js';
import { randomUUID } from 'node:crypto';
import { REVISION_VALUES, STARTING_VALUES } from './document-starting-values.js';
import { prefillSourceFor, prefillStateOf } from './prefill-service.js';
import { prefillValues, refreshedValues } from '../../shared/forms/prefill.js';
import { progressOfDocument, progressOpen, saveProgress } from './item-progress-service.js';
import { attachPaperScan, checkSides, prepareImage, signWithSides } from './side-signature-service.js';
import { imageOfRef } from './side-signature-images.js';
import { readSideSignatures } from '../../db/repositories/side-signature-repository.js';

import { localIsoDate } from '../../shared/dates/local-date.js';

type Values = Record<string, FieldValue>;

export { localIsoDate };

export function viewOf(db: Executor, record: DocumentRecord): DocumentView {
  return {
    record,
    incubator: requireIncubator(db, record.incubatorId),
    agency: readAgencyValues(db),
    changedSince: changedSince(db, record),
    signed: signedStateOf(db, record.kind, record.id),
    supersededBy: supersedingRevisionOf(db, record.kind, record.id),
    prefill: prefillStateOf(db, record),
    progress: { items: progressOfDocument(db, record), open: progressOpen(db, record) },
    sides: readSideSignatures(db, record.id),
    proposals: proposalsOf(db, record),
  };
}

/** A rule set field naming no known set is refused next to the field (the drop-down offers the known ones). */
function requireKnownRuleSet(db: Executor, kind: DocumentKind, values: Values | undefined): void {
  const field = definitionOf(kind).eligibility?.ruleSetField;
  if (!field || !values || !(field in values)) return;
  const id = values[field];
  if (typeof id === 'string' && id !== '' && !isKnownRuleSet(db, id)) {
    throw new AppError('validation', '找不到所选的认定规则集，请重新选择。', { field });
  }
}

/** List items as stored: each item's values checked and normalized (what was typed is kept). */
function normalizedLists(kind: DocumentKind, lists: DocumentLists | undefined): DocumentLists | undefined {
  if (!lists) return undefined;
  const def = definitionOf(kind);
  return Object.fromEntries(
    def.lists.filter((l) => lists[l.key]).map((l) => [l.key, lists[l.key]!.map((item) => ({ id: item.id, values: checkFields(l.fields, item.values).normalized }))]),
  );
}

function refuseIfLocked(db: Executor, record: DocumentRecord): void {
  const def = definitionOf(record.kind);
  if (signedStateOf(db, record.kind, record.id)) throw new AppError('locked', `该${def.shortName}已签署，不能再修改。如需更正，请点击“修订（新版本）”。`);
}

/**
 * A new document of a kind: empty values, then the definition's prefill (contract: the parties from the records),
 * today's date, what the previous one of the incubator carries over, an issued number, and what the caller gives.
 * Used by `documents.create`, by 续签 (the next period's contract) and by the demo data.
 */
export function createNewDocument(
  wb: Workbench,
  kind: DocumentKind,
  incubatorId: string,
  values: Values | undefined,
  listOverrides?: Record<string, Values[]>,
): DocumentRecord {
  const db = wb.database.db;
  const def = definitionOf(kind);
  const incubator = requireIncubator(db, incubatorId);
  requireKnownRuleSet(db, kind, values);
  // Agencies work to one rule set and one team: a new document keeps what the previous one had.
  const previous = latestDocumentOf(db, kind, incubatorId);
  const today = localIsoDate(wb.now());
  const header = incubatorValuesOf(incubator);
  const prefill = def.prefill?.({ incubator: header, agency: readAgencyValues(db), diagnosis: latestDocumentOf(db, 'diagnosis', incubatorId)?.values ?? null, today });
  const initial: Values = { ...emptyDocumentValues(def), ...prefill?.values, [def.dateField]: today, ...STARTING_VALUES[kind]?.(db, incubatorId, today) };
  if (def.eligibility) initial[def.eligibility.ruleSetField] = DEFAULT_RULE_SET_ID;
  for (const k of def.carryOver) if (previous && previous.values[k] != null) initial[k] = previous.values[k]!;
  // 培育前 from the diagnosis that started the cultivation; with none, the record says so (shared/forms/prefill.ts).
  if (def.prefillFrom) Object.assign(initial, prefillValues(def.prefillFrom, prefillSourceFor(db, kind, incubatorId)));
  refuseDuplicateNumber(db, kind, null, values);
  if (def.numberField && !values?.[def.numberField]) initial[def.numberField] = issueDocumentNumber(db, kind, today);
  const normalized = checkDocument(def, { values: { ...initial, ...values }, header }).normalized;
  const itemValues = { ...prefill?.lists, ...listOverrides };
  const lists = Object.fromEntries(Object.entries(itemValues).map(([key, items]) => [key, items.map((v) => ({ id: randomUUID(), values: v }))]));
  return createDocument(
    db,
    wb.changeContext(),
    kind,
    { incubatorId, values: normalized, lists: normalizedLists(kind, lists) ?? {}, snapshots: takeSnapshots(db, kind, incubator, wb.now()) },
    `新建「${incubator.name}」的${def.shortName}`,
  );
}

export function documentHandlers(wb: Workbench): HandlersFor<typeof documentsContract> {
  const db = () => wb.database.db;
  return {
    'documents.list': ({ kind, incubatorId }) => listDocuments(db(), kind, incubatorId),

    'documents.get': ({ kind, id }) => viewOf(db(), requireDocument(db(), kind, id)),

    'documents.create': ({ kind, incubatorId, values }) => createNewDocument(wb, kind, incubatorId, values),

    'documents.saveDraft': ({ kind, id, values, lists }) => {
      const def = definitionOf(kind);
      const record = requireDocument(db(), kind, id);
      refuseIfLocked(db(), record);
      if (record.status === 'completed') throw new AppError('conflict', `该${def.shortName}为「${def.statusWording.completed}」状态。如需修改，请先点击“重新打开”。`);
      requireKnownRuleSet(db(), kind, values);
      const incubator = requireIncubator(db(), record.incubatorId);
      // Drafts are never refused for their content: what is typed is kept (invalid numbers as text).
      const normalized = values ? checkDocument(def, { values: { ...record.values, ...values }, header: printedRecords(db(), record).header }).normalized : undefined;
      const itemLists = normalizedLists(kind, lists);
      return updateDocument(
        db(),
        wb.changeContext(),
        kind,
        id,
        { ...(normalized ? { values: normalized } : {}), ...(itemLists ? { lists: itemLists } : {}) },
        `修改「${incubator.name}」的${def.shortName}`,
      );
    },

    'documents.refreshPrefill': ({ kind, id }) => {
      const def = definitionOf(kind);
      const record = requireDocument(db(), kind, id);
      refuseIfLocked(db(), record);
      if (!def.prefillFrom) throw new AppError('validation', `${def.shortName}没有预填的数据。`);
      if (record.status !== 'draft') throw new AppError('conflict', `「${def.statusWording.completed}」的${def.shortName}不能再更新预填数据；如需更新，请先“重新打开”。`);
      const source = prefillSourceFor(db(), kind, record.incubatorId);
      if (!source) throw new AppError('validation', '该孵化器还没有诊断意见表，无可采用的数据。');
      const incubator = requireIncubator(db(), record.incubatorId);
      const refreshed = refreshedValues(def.prefillFrom, record.values, source);
      const normalized = checkDocument(def, { values: { ...record.values, ...refreshed.values }, header: printedRecords(db(), record).header }).normalized;
      const updated = updateDocument(db(), wb.changeContext(), kind, id, { values: normalized }, `「${incubator.name}」的${def.shortName}采用最新诊断数据`);
      const labelOf = (k: string) => def.fields.find((f) => f.key === k)?.label ?? k;
      return { record: updated, kept: refreshed.kept.map(labelOf), updated: refreshed.updated.map(labelOf) };
    },

    'documents.takeOverHeader': ({ kind, id }) => {
      const def = definitionOf(kind);
      const record = requireDocument(db(), kind, id);
      refuseIfLocked(db(), record);
      if (record.status !== 'draft') throw new AppError('conflict', `「${def.statusWording.completed}」的${def.shortName}保留完成时的档案副本；如需采用最新档案，请先“重新打开”。`);
      const incubator = requireIncubator(db(), record.incubatorId);
      return updateDocument(db(), wb.changeContext(), kind, id, { snapshots: takeSnapshots(db(), kind, incubator, wb.now()) }, `「${incubator.name}」的${def.shortName}采用最新孵化器档案`);
    },

    'documents.complete': ({ kind, id, header }) => {
      const def = definitionOf(kind);
      const record = requireDocument(db(), kind, id);
      refuseIfLocked(db(), record);
      const incubator = requireIncubator(db(), record.incubatorId);
      const changed = changedSince(db(), record);
      const anyChange = changed.incubator.length + changed.agency.length > 0;
      if (anyChange && !header) {
        throw new AppError(
          'needs-confirmation',
          `孵化器档案在本表建立后有修改（${[...changed.incubator, ...changed.agency].join('、')}）。请选择完成时采用最新档案，还是保留表中的档案信息。`,
        );
      }
      // Completing copies the header into the document: the latest records, unless the user kept the draft's copy.
      const snapshots = header === 'copy' && (record.snapshots.incubator || record.snapshots.agency) ? record.snapshots : takeSnapshots(db(), kind, incubator, wb.now());
      const printed = { header: snapshots.incubator?.values ?? incubatorValuesOf(incubator) };
      // A number typed by hand is kept in the draft even when another document holds it; completing refuses it.
      refuseDuplicateNumber(db(), kind, id, record.values);
      const check = checkDocument(def, { values: record.values, lists: record.lists, header: printed.header });
      const errors = errorsOf(check);
      if (errors.length > 0) {
        const first = errors[0]!;
        const label = def.fields.find((f) => f.key === first.field)?.label ?? first.field;
        throw new AppError('validation', `还有 ${errors.length} 处需要修改，例如「${label}」：${first.message}`, { field: first.field, issues: check.issues });
      }
      return updateDocument(db(), wb.changeContext(), kind, id, { status: 'completed', snapshots }, `完成「${incubator.name}」的${def.shortName}`);
    },

    'documents.reopen': ({ kind, id }) => {
      const def = definitionOf(kind);
      const record = requireDocument(db(), kind, id);
      refuseIfLocked(db(), record);
      const incubator = requireIncubator(db(), record.incubatorId);
      return updateDocument(db(), wb.changeContext(), kind, id, { status: 'draft' }, `重新打开「${incubator.name}」的${def.shortName}`);
    },

    'documents.sign': async ({ kind, id, sides }) => {
      // Images are checked and prepared first (async, libvips); then the sides and the signature land together.
      const checked = sides ? await checkSides(definitionOf(kind), sides) : [];
      signWithSides(db(), wb.changeContext(), kind, id, checked);
      return viewOf(db(), requireDocument(db(), kind, id));
    },

    'documents.prepareSignatureImage': async ({ source, base64 }) => {
      const { png: _png, ...prepared } = await prepareImage(base64, source);
      return prepared;
    },

    'documents.attachPaperScan': async ({ kind, id, side, scan, signedOn, signerName }) => {
      await attachPaperScan(db(), wb.changeContext(), requireDocument(db(), kind, id), { side, scan, signedOn, signerName });
      return viewOf(db(), requireDocument(db(), kind, id));
    },

    'documents.signatureImage': ({ ref }) => {
      const image = imageOfRef(db(), ref);
      return { base64: image ? Buffer.from(image.png).toString('base64') : null };
    },

    'documents.revise': ({ kind, id, reason, agreement, proposalId }) => {
      const record = requireDocument(db(), kind, id);
      const refreshed = REVISION_VALUES[kind]?.(db(), record.incubatorId) ?? {};
      return reviseStoredDocument(db(), wb.changeContext(), kind, id, reason, agreement ?? {}, refreshed, proposalId);
    },

    'documents.dismissProposal': ({ kind, id, proposalId }) => {
      const record = requireDocument(db(), kind, id);
      db().transaction((tx) => dismissProposal(tx, wb.changeContext(), record, proposalId));
      return viewOf(db(), record);
    },

    'documents.saveProgress': ({ kind, id, listKey, itemId, values }) =>
      saveProgress(db(), wb.changeContext(), requireDocument(db(), kind, id), { listKey, itemId, values, today: localIsoDate(wb.now()) }),

    'documents.delete': ({ kind, id }) => {
      const def = definitionOf(kind);
      const record = requireDocument(db(), kind, id);
      const incubator = requireIncubator(db(), record.incubatorId);
      return { auditId: deleteDocument(db(), wb.changeContext(), kind, id, `删除「${incubator.name}」的${def.shortName}`) };
    },

    'documents.export': async ({ kind, id, format, allowErrors }) => toExportedFile(await exportDocumentFile(db(), requireDocument(db(), kind, id), format, allowErrors)),
  };
}
