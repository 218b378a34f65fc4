import { join } from 'node:path';
import type { dataContract } from '../../shared/contract/data-contract.js';
import { AppError } from '../../shared/rpc/result.js';
import { listBackups, writeBackup, type BackupFile } from '../../db/backups.js';
import { getAudit, recentAudit } from '../../db/repositories/audit-repository.js';
import { getIncubatorRow, restoreIncubator } from '../../db/repositories/incubator-repository.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { restoreDatabaseFrom } from './restore-service.js';
import { loadDemoData } from './demo-service.js';

/** How long a delete can be undone from the history. */
export const UNDO_WINDOW_DAYS = 30;

function info(b: BackupFile) {
  return { name: b.name, createdAt: b.createdAt, sizeBytes: b.sizeBytes, reason: b.reason };
}

function withinUndoWindow(at: string, now: Date): boolean {
  return now.getTime() - Date.parse(at) <= UNDO_WINDOW_DAYS * 24 * 3600 * 1000;
}

export function dataHandlers(wb: Workbench): HandlersFor<typeof dataContract> {
  const isStillDeleted = (entity: string, rowId: string) =>
    entity === 'incubators' && getIncubatorRow(wb.database.db, rowId, true)?.deletedAt != null;

  return {
    'backups.list': () => listBackups(wb.backupDir).map(info),
    'backups.create': () => info(writeBackup(wb.database.sqlite, wb.backupDir, 'manual', wb.now())),
    'backups.restore': ({ name }) => {
      const found = listBackups(wb.backupDir).find((b) => b.name === name);
      if (!found) throw new AppError('not-found', `找不到备份「${name}」。`);
      return restoreDatabaseFrom(wb, join(wb.backupDir, found.name));
    },

    'history.recent': ({ limit }) => {
      const now = wb.now();
      return recentAudit(wb.database.db, limit).map((row) => ({
        id: row.id,
        at: row.at,
        entity: row.entity,
        rowId: row.rowId,
        action: row.action,
        summary: row.summary,
        undoable: row.action === 'delete' && withinUndoWindow(row.at, now) && isStillDeleted(row.entity, row.rowId),
      }));
    },

    'history.undoDelete': ({ auditId }) => {
      const row = getAudit(wb.database.db, auditId);
      if (!row || row.action !== 'delete') throw new AppError('not-found', '找不到这条删除记录。');
      if (!withinUndoWindow(row.at, wb.now())) {
        throw new AppError('validation', `删除已超过 ${UNDO_WINDOW_DAYS} 天，无法撤销。可从“数据备份”中恢复。`);
      }
      if (row.entity !== 'incubators') throw new AppError('validation', '这类记录暂不支持撤销删除。');
      restoreIncubator(wb.database.db, wb.changeContext(), row.rowId);
      return { rowId: row.rowId };
    },

    'demo.load': () => loadDemoData(wb),
  };
}
