// From a stored document to what the editor, the exports and the sign check read: the header it prints (its copy,
// or the live record while it has none), the rule set it names, and the model of shared/forms/document-model.ts.
import type { DocumentRecord, Snapshot } from '../../shared/domain/document-record.js';
import { buildDocumentModel, type DocumentModel } from '../../shared/forms/document-model.js';
import type { FieldValues } from '../../shared/forms/field-engine.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import { changedSnapshotLabels } from '../../shared/forms/snapshot-refs.js';
import type { IncubatorRecord } from '../../shared/domain/incubator.js';
import type { Executor } from '../../db/database.js';
import { getIncubator } from '../../db/repositories/incubator-repository.js';
import { readAgencyValues } from '../../db/repositories/agency-repository.js';
import { getSigned, type SignedRow } from '../../db/repositories/sync-state-repository.js';
import { fileProperties, formatCheckCodeLine } from '../../shared/signatures/index.js';
import { entityOf } from '../../db/repositories/document-repository.js';
import { RowNotFound } from '../../db/errors.js';
import type { RuleSet } from '../../shared/eligibility/rule-set-schema.js';
import { resolveRuleSet } from './rule-set-service.js';
import { sidesForExport } from './side-signature-images.js';

export function requireIncubator(db: Executor, id: string): IncubatorRecord {
  const found = getIncubator(db, id);
  if (!found) throw new RowNotFound('incubators', id);
  return found;
}

/** The incubator's header fields as a plain value map (no id, no bookkeeping). */
export function incubatorValuesOf(incubator: IncubatorRecord): FieldValues {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...values } = incubator;
  return values;
}

/** Copies of the records the definition prints, taken now (7.3). */
export function takeSnapshots(db: Executor, kind: DocumentKind, incubator: IncubatorRecord, at: Date): DocumentRecord['snapshots'] {
  const def = definitionOf(kind);
  const snap = (values: FieldValues): Snapshot => ({ takenAt: at.toISOString(), values });
  return {
    incubator: def.snapshots.includes('incubator') ? snap(incubatorValuesOf(incubator)) : null,
    agency: def.snapshots.includes('agency') ? snap(readAgencyValues(db)) : null,
  };
}

/** What the document prints: its own copies, or the live records when it has none (made before copies existed). */
export function printedRecords(db: Executor, record: DocumentRecord, liveAgency: () => FieldValues = () => readAgencyValues(db)): { header: FieldValues; agency: FieldValues } {
  return {
    header: record.snapshots.incubator?.values ?? incubatorValuesOf(requireIncubator(db, record.incubatorId)),
    agency: record.snapshots.agency?.values ?? liveAgency(),
  };
}

/** Labels of the fields the document reads that changed in the live records since its copies were taken. */
export function changedSince(db: Executor, record: DocumentRecord): { incubator: string[]; agency: string[] } {
  const def = definitionOf(record.kind);
  const live = { incubator: incubatorValuesOf(requireIncubator(db, record.incubatorId)), agency: readAgencyValues(db) };
  return {
    incubator: record.snapshots.incubator ? changedSnapshotLabels(def, 'incubator', record.snapshots.incubator.values, live.incubator) : [],
    agency: record.snapshots.agency ? changedSnapshotLabels(def, 'agency', record.snapshots.agency.values, live.agency) : [],
  };
}

/** What building a model reads besides the record: per document, or once for a batch (documentModelReader). */
interface ModelLookups {
  agency: () => FieldValues;
  signed: (record: DocumentRecord) => boolean;
  ruleSet: (id: string) => RuleSet;
}

/** What a file of the document prints and carries about its signature (docs/check-code.md). */
interface Stamp {
  footerNote: string | null;
  fileProperties: Record<string, string>;
}

/**
 * A signed document's pages print 「校验码 … · 第 N 版」 and its file the full hash; an unsigned one prints nothing
 * there (a completed document is often printed to be signed on paper: 「未签署」 would stay on the signed paper).
 */
function stampOf(record: DocumentRecord, signed: SignedRow | undefined): Stamp {
  const identity = { kind: record.kind, documentId: record.id, revision: record.revision };
  return {
    footerNote: signed ? formatCheckCodeLine(signed.hash, record.revision) : null,
    fileProperties: fileProperties(identity, signed ? { hash: signed.hash, signedAt: signed.signedAt } : null),
  };
}

function buildModel(db: Executor, record: DocumentRecord, lookups: ModelLookups, stamp: Stamp | null): DocumentModel {
  const def = definitionOf(record.kind);
  const ruleSetId = def.eligibility ? record.values[def.eligibility.ruleSetField] : null;
  const { header, agency } = printedRecords(db, record, lookups.agency);
  return buildDocumentModel({
    def,
    values: record.values,
    lists: record.lists,
    header,
    agency,
    status: record.status,
    signed: lookups.signed(record),
    revision: record.revision,
    ruleSet: def.eligibility ? lookups.ruleSet(typeof ruleSetId === 'string' ? ruleSetId : '') : null,
    footerNote: stamp?.footerNote ?? null,
    fileProperties: stamp?.fileProperties ?? {},
    revisionReason: record.revisionReason,
    sides: sidesForExport(db, record.id),
  });
}

/** Checks, computes and evaluates a stored document: what its exports print. */
export function documentModelFor(db: Executor, record: DocumentRecord): DocumentModel {
  const signed = getSigned(db, entityOf(record.kind), record.id);
  const lookups: ModelLookups = { agency: () => readAgencyValues(db), signed: () => signed !== undefined, ruleSet: (id) => resolveRuleSet(db, id) };
  return buildModel(db, record, lookups, stampOf(record, signed));
}

/**
 * documentModelFor for many documents in one go (the portfolio): the agency's record is read and each rule set read
 * and parsed once for the batch, and whether a document is signed comes from its list summary, not a query each.
 */
export function documentModelReader(db: Executor): (record: DocumentRecord, signed: boolean) => DocumentModel {
  let agency: FieldValues | undefined;
  const ruleSets = new Map<string, RuleSet>();
  return (record, signed) =>
    buildModel(
      db,
      record,
      {
        agency: () => (agency ??= readAgencyValues(db)),
        signed: () => signed,
        ruleSet: (id) => ruleSets.get(id) ?? ruleSets.set(id, resolveRuleSet(db, id)).get(id)!,
      },
      null,
    );
}
