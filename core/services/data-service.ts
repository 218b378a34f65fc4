import { join } from 'node:path';
import type { dataContract } from '../../shared/contract/data-contract.js';
import { AppError } from '../../shared/rpc/result.js';
import { listBackups, writeBackup, type BackupFile } from '../../db/backups.js';
import { getAudit, recentAudit } from '../../db/repositories/audit-repository.js';
import { restoreIncubator } from '../../db/repositories/incubator-repository.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { restoreDatabaseFrom } from './restore-service.js';
import { loadDemoData } from './demo-service.js';
import { UNDO_WINDOW_DAYS, withinUndoWindow } from './undo-window.js';
import { toHistoryEntry } from './history-service.js';
import { assertRestorable } from './incubator-duplicates.js';

function info(b: BackupFile) {
  return { name: b.name, createdAt: b.createdAt, sizeBytes: b.sizeBytes, reason: b.reason };
}

export function dataHandlers(wb: Workbench): HandlersFor<typeof dataContract> {
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
      return recentAudit(wb.database.db, limit).map((row) => {
        const { record: _record, ...entry } = toHistoryEntry(wb.database.db, row, now);
        return entry;
      });
    },

    'history.undoDelete': ({ auditId }) => {
      const row = getAudit(wb.database.db, auditId);
      if (!row || row.action !== 'delete') throw new AppError('not-found', '找不到这条删除记录。');
      if (!withinUndoWindow(row.at, wb.now())) {
        throw new AppError('validation', `删除已超过 ${UNDO_WINDOW_DAYS} 天，无法撤销。可从“数据备份”中恢复。`);
      }
      if (row.entity !== 'incubators') throw new AppError('validation', '这类记录暂不支持撤销删除。');
      assertRestorable(wb.database.db, row.rowId, wb.now());
      restoreIncubator(wb.database.db, wb.changeContext(), row.rowId);
      return { rowId: row.rowId };
    },

    'demo.load': () => loadDemoData(wb),
  };
}
