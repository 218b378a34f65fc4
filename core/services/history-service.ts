// 操作记录 as people read it (issue 8.2): entries say whether their record can still be opened, and the log
// filters by record, kind and action. The entries themselves are written by db/change-recorder.ts.
import { eq } from 'drizzle-orm';
import type { historyContract, HistoryEntry } from '../../shared/contract/history-contract.js';
import { listAuditedRecords, listAuditFiltered, type AuditRow } from '../../db/repositories/audit-repository.js';
import type { Executor } from '../../db/database.js';
import { syncEntity } from '../sync/registry.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { withinUndoWindow } from './undo-window.js';
import { recordName } from './record-name.js';

type RecordState = HistoryEntry['record'];

function recordRow(db: Executor, entity: string, rowId: string): Record<string, unknown> | undefined {
  const def = syncEntity(entity);
  if (!def) return undefined;
  return db.select().from(def.table).where(eq(def.idColumn, rowId)).get() as Record<string, unknown> | undefined;
}

/** Every table of a record kind carries deletedAt (db/schema/sync-columns.ts): a tombstone is in the bin. */
export function recordState(db: Executor, entity: string, rowId: string): RecordState {
  return stateOf(recordRow(db, entity, rowId));
}

function stateOf(row: Record<string, unknown> | undefined): RecordState {
  if (!row) return 'gone';
  return row['deletedAt'] == null ? 'live' : 'deleted';
}

/** A row that lives in a project (project_records, project_stage_moves) is opened in it: the link needs its id. */
function parentOf(row: Record<string, unknown> | undefined): HistoryEntry['parent'] {
  const projectId = row?.['projectId'];
  if (typeof projectId !== 'string') return undefined;
  const kind = row?.['kind'];
  return typeof kind === 'string' ? { id: projectId, kind } : { id: projectId };
}

/** An audit row as the UI shows it. Only incubator deletes can be undone so far (history.undoDelete). */
export function toHistoryEntry(db: Executor, row: AuditRow, now: Date): HistoryEntry {
  const stored = recordRow(db, row.entity, row.rowId);
  const record = stateOf(stored);
  const parent = parentOf(stored);
  return {
    id: row.id,
    at: row.at,
    entity: row.entity,
    rowId: row.rowId,
    action: row.action,
    summary: row.summary,
    undoable: row.action === 'delete' && row.entity === 'incubators' && record === 'deleted' && withinUndoWindow(row.at, now),
    record,
    ...(parent ? { parent } : {}),
  };
}

export function historyHandlers(wb: Workbench): HandlersFor<typeof historyContract> {
  const db = () => wb.database.db;
  return {
    'history.list': (filter) => {
      const now = wb.now();
      const { rows, more } = listAuditFiltered(db(), filter);
      return { entries: rows.map((r) => toHistoryEntry(db(), r, now)), more };
    },
    'history.records': ({ entity, limit }) =>
      listAuditedRecords(db(), { ...(entity !== undefined ? { entity } : {}), limit }).map((r) => ({
        entity: r.entity,
        rowId: r.rowId,
        label: recordName(db(), r.entity, r.rowId, r.namingSummary),
        firstAt: r.firstAt,
        lastAt: r.lastAt,
      })),
  };
}
