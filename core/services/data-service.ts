import { join } from 'node:path';
import type { dataContract } from '../../shared/contract/data-contract.js';
import { AppError } from '../../shared/rpc/result.js';
import { DEFAULT_MANUAL_BACKUPS_KEPT, listBackups, pruneBackups, writeBackup, type BackupFile } from '../../db/backups.js';
import { readMeta, writeMeta } from '../../db/meta-store.js';
import { getAudit, recentAudit } from '../../db/repositories/audit-repository.js';
import { restoreIncubator } from '../../db/repositories/incubator-repository.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { restoreDatabaseFrom } from './restore-service.js';
import { loadDemoData } from './demo-service.js';
import { signDemoDiagnosis } from './demo-signatures.js';
import { UNDO_WINDOW_DAYS, withinUndoWindow } from './undo-window.js';
import { toHistoryEntry } from './history-service.js';
import { assertRestorable } from './incubator-duplicates.js';

const KEEP_MANUAL_KEY = 'backups.keep_manual';

function manualBackupsKept(wb: Workbench): number {
  const stored = Number(readMeta(wb.database.db, KEEP_MANUAL_KEY));
  return Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_MANUAL_BACKUPS_KEPT;
}

function info(b: BackupFile) {
  return { name: b.name, createdAt: b.createdAt, sizeBytes: b.sizeBytes, reason: b.reason };
}

export function dataHandlers(wb: Workbench): HandlersFor<typeof dataContract> {
  return {
    'backups.list': () => listBackups(wb.backupDir).map(info),
    'backups.create': () => {
      const made = writeBackup(wb.database.sqlite, wb.backupDir, 'manual', wb.now());
      pruneBackups(wb.backupDir, 'manual', manualBackupsKept(wb));
      return info(made);
    },
    'backups.settings': ({ keepManual }) => {
      if (keepManual !== undefined) {
        writeMeta(wb.database.db, KEEP_MANUAL_KEY, String(keepManual));
        pruneBackups(wb.backupDir, 'manual', keepManual);
      }
      return { keepManual: manualBackupsKept(wb) };
    },
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

    'demo.load': async () => {
      const loaded = loadDemoData(wb);
      // After the diagnoses: one of them is signed by both sides with drawn signatures (demo-signatures.ts).
      await signDemoDiagnosis(wb.database.db, wb.changeContext());
      return loaded;
    },
  };
}
