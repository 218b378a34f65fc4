// One repository for every document kind (docs/documents.md §Storage): reads and writes a kind's table and its
// list items, each write with its outbox ops (one per changed field, in wire terms) and an audit entry, in one
// transaction. It knows no document by name: the definition and the kind's table say everything.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DocumentRecord, DocumentSummary, Snapshot } from '../../shared/domain/document-record.js';
import type { DocumentStatus } from '../../shared/forms/document-definition.js';
import type { DocumentItem, DocumentLists } from '../../shared/forms/document-data.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { incubators, syncSigned } from '../schema/index.js';
import { DOCUMENT_TABLES, type DocumentTable } from '../schema/document-tables.js';
import { RowNotFound } from '../errors.js';
import { readItems, saveListItems } from './document-items-repository.js';

type Values = Record<string, FieldValue>;
type Row = DocumentTable['$inferSelect'];

const VALUES_PREFIX = 'values.';

/** The keys of the common document columns: a definition field never shares one of these keys. */
function documentColumnKeys(): Record<string, true> {
  return {
    id: true, version: true, createdAt: true, updatedAt: true, deletedAt: true, incubatorId: true, status: true, valuesJson: true,
    completedAt: true, revisionOf: true, revision: true, revisionReason: true, headerJson: true, agencyJson: true,
  };
}

interface Store {
  kind: DocumentKind;
  entity: string;
  table: DocumentTable;
  /** Definition fields stored in a column of their own (same key), instead of the values map. */
  columnFields: Map<string, SQLiteColumn>;
}

const stores = new Map<DocumentKind, Store>();

function storeOf(kind: DocumentKind): Store {
  let store = stores.get(kind);
  if (!store) {
    const def = definitionOf(kind);
    const table = DOCUMENT_TABLES[kind];
    const columns: Record<string, SQLiteColumn> = getTableColumns(table);
    const base = documentColumnKeys();
    const columnFields = new Map(def.fields.filter((f) => Object.hasOwn(columns, f.key) && !Object.hasOwn(base, f.key)).map((f) => [f.key, columns[f.key]!]));
    store = { kind, entity: def.entity, table, columnFields };
    stores.set(kind, store);
  }
  return store;
}

/** The sync entity (table name) of a kind. */
export function entityOf(kind: DocumentKind): string {
  return storeOf(kind).entity;
}

function parseJson<T>(json: string | null, fallback: T, isOk: (v: unknown) => v is T): T {
  if (json === null) return fallback;
  try {
    const v: unknown = JSON.parse(json);
    return isOk(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

const isValues = (v: unknown): v is Values => !!v && typeof v === 'object' && !Array.isArray(v);
const isSnapshot = (v: unknown): v is Snapshot => isValues(v) && typeof v.takenAt === 'string' && isValues(v.values);

/** A row's values: the map, plus the definition fields stored in their own columns. */
function valuesOf(store: Store, row: Row): Values {
  const values = parseJson(row.valuesJson, {}, isValues);
  const wide: Record<string, unknown> = row;
  for (const key of store.columnFields.keys()) {
    const v = wide[key];
    values[key] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }
  return values;
}

function snapshotsOf(row: Row): DocumentRecord['snapshots'] {
  const parse = (json: string | null) => parseJson<Snapshot | null>(json, null, (v): v is Snapshot | null => v === null || isSnapshot(v));
  return { incubator: parse(row.headerJson), agency: parse(row.agencyJson) };
}

function toRecord(store: Store, row: Row, lists: DocumentLists): DocumentRecord {
  return {
    id: row.id,
    kind: store.kind,
    incubatorId: row.incubatorId,
    status: row.status,
    values: valuesOf(store, row),
    lists,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    revision: row.revision ?? 1,
    revisionOf: row.revisionOf,
    revisionReason: row.revisionReason,
    snapshots: snapshotsOf(row),
  };
}

/** The wire names and values of a record's synced fields: what the outbox and the audit log see. */
function wireFields(store: Store, r: Pick<DocumentRecord, 'status' | 'completedAt' | 'values' | 'snapshots'>): Record<string, unknown> {
  const out: Record<string, unknown> = { status: r.status, completedAt: r.completedAt };
  for (const [k, v] of Object.entries(r.values)) out[store.columnFields.has(k) ? k : `${VALUES_PREFIX}${k}`] = v;
  out.header = r.snapshots.incubator;
  out.agency = r.snapshots.agency;
  return out;
}

/** Column values of a record's content (the values map without the column-stored fields, which get their own). */
function columnsOf(store: Store, r: Pick<DocumentRecord, 'status' | 'completedAt' | 'values' | 'snapshots'>) {
  const map: Values = {};
  const own: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(r.values)) (store.columnFields.has(k) ? own : map)[k] = v;
  return {
    base: {
      status: r.status,
      completedAt: r.completedAt,
      valuesJson: JSON.stringify(map),
      headerJson: r.snapshots.incubator ? JSON.stringify(r.snapshots.incubator) : null,
      agencyJson: r.snapshots.agency ? JSON.stringify(r.snapshots.agency) : null,
    },
    own,
  };
}

function liveById(store: Store, id: string, includeDeleted: boolean): SQL | undefined {
  const byId = eq(store.table.id, id);
  return includeDeleted ? byId : and(byId, isNull(store.table.deletedAt));
}

function readRow(db: Executor, store: Store, id: string, includeDeleted = false): Row | undefined {
  return db.select().from(store.table).where(liveById(store, id, includeDeleted)).get();
}

// ---- documents ----

function listsOf(kind: DocumentKind, stored: DocumentLists | undefined): DocumentLists {
  return { ...Object.fromEntries(definitionOf(kind).lists.map((l) => [l.key, [] as DocumentItem[]])), ...stored };
}

/**
 * `documentSummary`: the document's own entry (「新建「北海…」的技术服务合同」), whose object names each item's record:
 * 「添加「北海…」的技术服务合同中「提供资料」的一项」.
 */
function saveLists(db: Executor, ctx: ChangeContext, store: Store, documentId: string, lists: DocumentLists, documentSummary: string, newDocument = false): void {
  const documentName = documentSummary.replace(/^(新建|修改)/, '');
  for (const list of definitionOf(store.kind).lists) {
    const items = lists[list.key];
    if (items) saveListItems(db, ctx, { entity: store.entity, documentId, listKey: list.key, newDocument }, items, `${documentName}中「${list.label}」的一项`);
  }
}

export function getDocument(db: Executor, kind: DocumentKind, id: string): DocumentRecord | undefined {
  const store = storeOf(kind);
  const row = readRow(db, store, id);
  return row ? toRecord(store, row, listsOf(kind, readItems(db, store.entity, [id]).get(id))) : undefined;
}

/** Several live documents of a kind by id in two queries (rows, then their list items): for batch readers. */
export function getDocuments(db: Executor, kind: DocumentKind, ids: readonly string[]): Map<string, DocumentRecord> {
  const out = new Map<string, DocumentRecord>();
  if (ids.length === 0) return out;
  const store = storeOf(kind);
  const t = store.table;
  const rows = db.select().from(t).where(and(inArray(t.id, [...ids]), isNull(t.deletedAt))).all();
  const items = readItems(db, store.entity, rows.map((r) => r.id));
  for (const row of rows) out.set(row.id, toRecord(store, row, listsOf(kind, items.get(row.id))));
  return out;
}

/** Which kind a document id belongs to (ids are UUIDs, unique across kinds). */
export function kindOfDocument(db: Executor, id: string): DocumentKind | undefined {
  return (Object.keys(DOCUMENT_TABLES) as DocumentKind[]).find((k) => readRow(db, storeOf(k), id, true) !== undefined);
}

function signedIds(db: Executor, entity: string): Set<string> {
  return new Set(db.select({ rowId: syncSigned.rowId }).from(syncSigned).where(eq(syncSigned.entity, entity)).all().map((r) => r.rowId));
}

/** Superseded document id → its latest live revision. */
function supersedingRevisions(db: Executor, store: Store): Map<string, { id: string; revision: number }> {
  const out = new Map<string, { id: string; revision: number }>();
  const t = store.table;
  for (const r of db
    .select({ id: t.id, revisionOf: t.revisionOf, revision: t.revision })
    .from(t)
    .where(and(isNotNull(t.revisionOf), isNull(t.deletedAt)))
    .all()) {
    const revision = r.revision ?? 1;
    const old = r.revisionOf ? out.get(r.revisionOf) : undefined;
    if (r.revisionOf && (!old || old.revision < revision)) out.set(r.revisionOf, { id: r.id, revision });
  }
  return out;
}

export function supersedingRevisionOf(db: Executor, kind: DocumentKind, id: string): { id: string; revision: number } | null {
  return supersedingRevisions(db, storeOf(kind)).get(id) ?? null;
}

export function listDocuments(db: Executor, kind: DocumentKind, incubatorId?: string): DocumentSummary[] {
  const store = storeOf(kind);
  const def = definitionOf(kind);
  const t = store.table;
  const live = and(isNull(t.deletedAt), isNull(incubators.deletedAt));
  const rows = db
    .select({ doc: t, incubatorName: incubators.name })
    .from(t)
    .innerJoin(incubators, eq(incubators.id, t.incubatorId))
    .where(incubatorId ? and(live, eq(t.incubatorId, incubatorId)) : live)
    .all();
  const superseded = supersedingRevisions(db, store);
  const signed = signedIds(db, store.entity);
  const summaries = rows.map(({ doc, incubatorName }): DocumentSummary => {
    const values = valuesOf(store, doc);
    const date = values[def.dateField];
    return {
      id: doc.id,
      kind,
      incubatorId: doc.incubatorId,
      incubatorName,
      date: typeof date === 'string' ? date : null,
      status: doc.status,
      values: Object.fromEntries(def.listFields.map((k) => [k, values[k] ?? null])),
      updatedAt: doc.updatedAt,
      revision: doc.revision ?? 1,
      revisionOf: doc.revisionOf,
      supersededBy: superseded.get(doc.id) ?? null,
      signed: signed.has(doc.id),
    };
  });
  // Newest first: by the document's date, then by the last edit.
  return summaries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.updatedAt.localeCompare(a.updatedAt));
}

/** An incubator's most recent document of a kind (by its date, then last edit); `status` narrows it. */
export function latestDocumentOf(db: Executor, kind: DocumentKind, incubatorId: string, status?: DocumentStatus): DocumentRecord | undefined {
  const latest = listDocuments(db, kind, incubatorId).find((d) => !status || d.status === status);
  return latest ? getDocument(db, kind, latest.id) : undefined;
}

export interface NewDocument {
  id?: string;
  incubatorId: string;
  values: Values;
  lists?: DocumentLists;
  status?: DocumentStatus;
  snapshots: DocumentRecord['snapshots'];
  /** Set on a revision of a signed document. */
  revisionOf?: { id: string; revision: number; reason: string };
}

export function createDocument(db: Executor, ctx: ChangeContext, kind: DocumentKind, input: NewDocument, summary: string): DocumentRecord {
  const store = storeOf(kind);
  return db.transaction((tx) => {
    const now = ctx.now().toISOString();
    const id = input.id ?? randomUUID();
    const status = input.status ?? 'draft';
    const content = { status, completedAt: status === 'completed' ? now : null, values: input.values, snapshots: input.snapshots };
    const { base, own } = columnsOf(store, content);
    const row: DocumentTable['$inferInsert'] = {
      id,
      version: 0,
      createdAt: now,
      updatedAt: now,
      incubatorId: input.incubatorId,
      ...base,
      revisionOf: input.revisionOf?.id ?? null,
      revision: input.revisionOf?.revision ?? null,
      revisionReason: input.revisionOf?.reason ?? null,
    };
    // Column-stored fields are columns of this kind's table (not of the common column set): assigned by key.
    tx.insert(store.table).values(Object.assign(row, own)).run();
    recordChange(tx, ctx, {
      entity: store.entity,
      rowId: id,
      action: 'create',
      baseVersion: 0,
      before: {},
      after: {
        incubatorId: input.incubatorId,
        ...wireFields(store, content),
        ...(input.revisionOf ? { revisionOf: input.revisionOf.id, revision: input.revisionOf.revision, revisionReason: input.revisionOf.reason } : {}),
      },
      summary,
    });
    if (input.lists) saveLists(tx, ctx, store, id, input.lists, summary, true);
    return getDocument(tx, kind, id)!;
  });
}

export interface DocumentPatch {
  values?: Values;
  lists?: DocumentLists;
  status?: DocumentStatus;
  snapshots?: Partial<DocumentRecord['snapshots']>;
}

/** Applies a patch; records one outbox op per changed field and one audit entry, in one transaction. */
export function updateDocument(db: Executor, ctx: ChangeContext, kind: DocumentKind, id: string, patch: DocumentPatch, summary: string): DocumentRecord {
  const store = storeOf(kind);
  return db.transaction((tx) => {
    const existing = readRow(tx, store, id);
    if (!existing) throw new RowNotFound(store.entity, id);
    const before = toRecord(store, existing, {});
    const now = ctx.now().toISOString();
    const status = patch.status ?? before.status;
    const after = {
      status,
      completedAt: status === 'completed' ? (before.status === 'completed' ? before.completedAt : now) : null,
      values: patch.values ? { ...before.values, ...patch.values } : before.values,
      snapshots: { ...before.snapshots, ...patch.snapshots },
    };
    const auditId = recordChange(tx, ctx, { entity: store.entity, rowId: id, action: 'update', baseVersion: existing.version, before: wireFields(store, before), after: wireFields(store, after), summary });
    if (auditId !== null) {
      const { base, own } = columnsOf(store, after);
      const set: Partial<DocumentTable['$inferInsert']> = { ...base, updatedAt: now };
      tx.update(store.table).set(Object.assign(set, own)).where(eq(store.table.id, id)).run();
    }
    if (patch.lists) saveLists(tx, ctx, store, id, patch.lists, summary);
    return getDocument(tx, kind, id)!;
  });
}

export function deleteDocument(db: Executor, ctx: ChangeContext, kind: DocumentKind, id: string, summary: string): number {
  const store = storeOf(kind);
  return db.transaction((tx) => {
    const existing = readRow(tx, store, id);
    if (!existing) throw new RowNotFound(store.entity, id);
    const now = ctx.now().toISOString();
    tx.update(store.table).set({ deletedAt: now, updatedAt: now }).where(eq(store.table.id, id)).run();
    return recordChange(tx, ctx, { entity: store.entity, rowId: id, action: 'delete', baseVersion: existing.version, before: { deletedAt: null }, after: { deletedAt: now }, summary }) ?? 0;
  });
}

/** Every live document of a kind, newest first (demo data, exports of many). */
export function documentIdsOf(db: Executor, kind: DocumentKind): string[] {
  const t = storeOf(kind).table;
  return db.select({ id: t.id }).from(t).where(isNull(t.deletedAt)).orderBy(desc(t.updatedAt)).all().map((r) => r.id);
}

/**
 * Every value a field holds across a kind's rows, deleted rows (tombstones) and rows pulled from other devices
 * included: what a document number must never repeat (docs/contract-numbers.md). With its row id.
 */
export function fieldValuesEverIssued(db: Executor, kind: DocumentKind, key: string): { id: string; value: string }[] {
  const store = storeOf(kind);
  const rows = db.select().from(store.table).all();
  return rows.flatMap((row) => {
    const value = valuesOf(store, row)[key];
    return typeof value === 'string' && value.trim() !== '' ? [{ id: row.id, value: value.trim() }] : [];
  });
}
