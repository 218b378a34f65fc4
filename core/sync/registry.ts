// Which local tables sync, and how (sync.md). Registering a new entity is one `registerSyncEntity` call.
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  agencyProfile,
  agencyStaff,
  contractChangeRequests,
  contractEvents,
  cultivationProjects,
  documentItemProgress,
  documentItems,
  documentSignatures,
  incubators,
  projectRecords,
  projectStageMoves,
  remindersDone,
  ruleSets,
  signProposals,
} from '../../db/schema/index.js';
import { DOCUMENT_TABLES } from '../../db/schema/document-tables.js';
import { DOCUMENT_DEFINITIONS, DOCUMENT_KINDS } from '../../shared/forms/registry.js';
import { SIGN_PROPOSALS_ENTITY } from '../../shared/sync/protocol.js';
import { incubatorSearchText } from '../services/search-text.js';

export interface SyncEntityDef {
  /** The entity name on the wire and in the outbox (the table's name). */
  name: string;
  table: SQLiteTable;
  /** Columns that are derived locally and never synced (e.g. search text). */
  localOnly?: readonly string[];
  /** A document kind (sync.md §7): it can be signed, and is locked once signed. */
  document?: boolean;
  /** Recomputes local-only columns from a row after a pulled change. */
  derive?: (row: Record<string, unknown>) => Record<string, unknown>;
  /** Wire fields kept JSON-encoded in another column, e.g. rule_sets' `rules` (an array) in `rulesJson`. */
  jsonColumns?: Readonly<Record<string, string>>;
  /** Wire fields `<prefix><key>` kept as keys of one JSON object column, e.g. diagnoses' `values.x` in `valuesJson`. */
  jsonMap?: { prefix: string; column: string };
}

export interface ResolvedEntity extends SyncEntityDef {
  /** JS key -> column, of the synced fields (not id/version/createdAt/updatedAt/deletedAt, not local-only). */
  fields: Map<string, SQLiteColumn>;
  idColumn: SQLiteColumn;
  versionColumn: SQLiteColumn;
  deletedColumn: SQLiteColumn;
}

const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt', 'deletedAt']);
const registry = new Map<string, ResolvedEntity>();

export function registerSyncEntity(def: SyncEntityDef): void {
  const columns = getTableColumns(def.table) as Record<string, SQLiteColumn>;
  const fields = new Map<string, SQLiteColumn>();
  const packed = new Set([...Object.values(def.jsonColumns ?? {}), ...(def.jsonMap ? [def.jsonMap.column] : [])]);
  for (const [k, col] of Object.entries(columns)) {
    if (!BOOKKEEPING.has(k) && !def.localOnly?.includes(k) && !packed.has(k)) fields.set(k, col);
  }
  const need = (k: string) => {
    const c = columns[k];
    if (!c) throw new Error(`${def.name} has no ${k} column: synced tables use syncColumns()`);
    return c;
  };
  registry.set(def.name, { ...def, fields, idColumn: need('id'), versionColumn: need('version'), deletedColumn: need('deletedAt') });
}

export function syncEntity(name: string): ResolvedEntity | undefined {
  return registry.get(name);
}

export function syncEntities(): ResolvedEntity[] {
  return [...registry.values()];
}

/** Whether a field that came over the wire is one this build keeps (unknown fields of newer clients are ignored). */
export function isSyncedField(def: ResolvedEntity, field: string): boolean {
  return (
    def.fields.has(field) ||
    Object.hasOwn(def.jsonColumns ?? {}, field) ||
    (def.jsonMap !== undefined && field.startsWith(def.jsonMap.prefix) && field.length > def.jsonMap.prefix.length)
  );
}

/** Removes a registration (tests that register a throwaway entity). */
export function unregisterSyncEntity(name: string): void {
  registry.delete(name);
}

registerSyncEntity({
  name: 'incubators',
  table: incubators,
  localOnly: ['searchText'],
  derive: (row) => ({
    searchText: incubatorSearchText({
      name: String(row.name ?? ''),
      operator: String(row.operator ?? ''),
      creditCode: String(row.creditCode ?? ''),
    }),
  }),
});
registerSyncEntity({ name: 'agency_profile', table: agencyProfile });
registerSyncEntity({ name: 'agency_staff', table: agencyStaff });
// Every document kind of shared/forms/registry.ts, and the one table of their list items (docs/documents.md).
for (const kind of DOCUMENT_KINDS) {
  registerSyncEntity({
    name: DOCUMENT_DEFINITIONS[kind].entity,
    table: DOCUMENT_TABLES[kind],
    document: true,
    jsonMap: { prefix: 'values.', column: 'valuesJson' },
    jsonColumns: { header: 'headerJson', agency: 'agencyJson' },
  });
}
registerSyncEntity({ name: 'document_items', table: documentItems, jsonMap: { prefix: 'values.', column: 'valuesJson' } });
// What is recorded per item while a signed document is carried out: outside the signature (docs/documents.md).
registerSyncEntity({ name: 'document_item_progress', table: documentItemProgress, jsonMap: { prefix: 'values.', column: 'valuesJson' } });
// Edits that raced a signature, made by the server (docs/sync.md §Signing).
registerSyncEntity({ name: SIGN_PROPOSALS_ENTITY, table: signProposals, jsonColumns: { proposed: 'proposedJson' } });
registerSyncEntity({ name: 'rule_sets', table: ruleSets, jsonColumns: { rules: 'rulesJson' } });
// The contract's lifecycle moves and reminders marked done (docs/contract-lifecycle.md): appended rows.
registerSyncEntity({ name: 'contract_events', table: contractEvents });
registerSyncEntity({ name: 'reminders_done', table: remindersDone });
registerSyncEntity({ name: 'contract_change_requests', table: contractChangeRequests });
// Cultivation projects, their stage moves (appended) and their records (docs/process.md).
registerSyncEntity({ name: 'cultivation_projects', table: cultivationProjects });
registerSyncEntity({ name: 'project_stage_moves', table: projectStageMoves });
registerSyncEntity({ name: 'project_records', table: projectRecords, jsonMap: { prefix: 'values.', column: 'valuesJson' } });
// Each side's signature of a document (docs/signature-images.md): outside the document's signature and lock.
registerSyncEntity({ name: 'document_signatures', table: documentSignatures });
