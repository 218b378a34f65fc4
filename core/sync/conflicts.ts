// Resolving a per-field conflict (sync.md §5): keep mine, keep the server's, or save an edited value.
import { AppError } from '../../shared/rpc/result.js';
import type { WorkbenchDb } from '../../db/database.js';
import { recordChange, type ChangeContext } from '../../db/change-recorder.js';
import { getConflict, markConflictResolved } from '../../db/repositories/sync-state-repository.js';
import { syncEntity } from './registry.js';
import { readLocalRow, syncedFields, writeLocalRow } from './local-rows.js';

export type Resolution = { choice: 'mine' } | { choice: 'theirs' } | { choice: 'edited'; value: unknown };

export function resolveConflict(db: WorkbenchDb, ctx: ChangeContext, conflictId: number, resolution: Resolution): void {
  db.transaction((tx) => {
    const c = getConflict(tx, conflictId);
    if (!c) throw new AppError('not-found', '找不到这条冲突记录。');
    if (c.resolvedAt) return;
    const at = ctx.now().toISOString();
    if (resolution.choice === 'theirs') {
      markConflictResolved(tx, conflictId, 'theirs', at);
      return;
    }
    const def = syncEntity(c.entity);
    const row = def ? readLocalRow(tx, def, c.rowId) : undefined;
    if (!def || !row) throw new AppError('not-found', '这条记录已不存在，无法保留本机的值。');
    const value = resolution.choice === 'mine' ? (JSON.parse(c.mine) as unknown) : resolution.value;
    // A new edit based on the version that holds the server's value, so the server applies it without a new conflict.
    recordChange(tx, ctx, {
      entity: c.entity,
      rowId: c.rowId,
      action: 'update',
      baseVersion: Math.max(Number(row.version), c.serverVersion),
      before: { [c.field]: syncedFields(def, row)[c.field] ?? null },
      after: { [c.field]: value ?? null },
      summary: `解决同步冲突（${resolution.choice === 'mine' ? '保留本机' : '编辑后保存'}）`,
    });
    writeLocalRow(tx, def, c.rowId, { [c.field]: value ?? null }, { now: at });
    markConflictResolved(tx, conflictId, resolution.choice, at);
  });
}
