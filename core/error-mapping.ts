import { ZodError } from 'zod';
import { AppError, type RpcError } from '../shared/rpc/result.js';
import { HlcError } from '../shared/sync/hlc.js';
import { RowNotFound } from '../db/errors.js';
import { DatabaseProblem } from '../db/open-database.js';

const SAVED_DATA_SAFE = '已保存的数据未受影响。';

function sqliteCode(e: unknown): string | null {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_')) return e.code;
  return null;
}

/** Turns anything a handler throws into the envelope's error: Chinese, saying what happened and what to do. */
export function toRpcError(e: unknown): RpcError {
  if (e instanceof AppError) return e.toRpcError();
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ field: i.path.join('.'), message: `格式不正确：${i.message}`, severity: 'error' as const }));
    return { kind: 'bad-request', message: '请求内容格式不正确。', issues };
  }
  if (e instanceof RowNotFound) return { kind: 'not-found', message: '找不到这条记录，它可能已被删除。请刷新列表。' };
  if (e instanceof DatabaseProblem) return { kind: 'unavailable', message: e.message };
  if (e instanceof HlcError) return { kind: 'conflict', message: e.message };
  // The outbox trigger of signed documents (db/migrations/0002_sync_locks.sql): sync.md §7.
  if (e instanceof Error && e.message.startsWith('WB_LOCKED: ')) return { kind: 'locked', message: e.message.slice('WB_LOCKED: '.length) };
  const code = sqliteCode(e);
  if (code === 'SQLITE_FULL') return { kind: 'storage', message: `磁盘空间已满，本次修改未能保存。${SAVED_DATA_SAFE}请清理磁盘后再保存。` };
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return { kind: 'storage', message: `数据文件不可写入（${code}），本次修改未能保存。${SAVED_DATA_SAFE}请检查文件夹权限。` };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { kind: 'storage', message: `数据文件正被其他程序占用，本次修改未能保存。${SAVED_DATA_SAFE}请关闭其他工作台窗口后重试。` };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return { kind: 'storage', message: `数据文件损坏（${code}）。请到“设置 → 数据备份”从备份恢复。` };
  }
  if (code) return { kind: 'storage', message: `数据库错误（${code}），本次修改未能保存。${SAVED_DATA_SAFE}` };
  // A file written beside the database (a backup, an export) on a full disk: Node's own code for it.
  if (e instanceof Error && (e as NodeJS.ErrnoException).code === 'ENOSPC') {
    return { kind: 'storage', message: `磁盘空间已满，本次操作未能完成。${SAVED_DATA_SAFE}请清理磁盘后重试。` };
  }
  // A file written where it cannot be (an archive or export to a folder without write rights, a read-only disk, a
  // path through a file): said plainly, with the place, rather than as an internal error.
  const fsCode = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  const where = e instanceof Error && typeof (e as NodeJS.ErrnoException).path === 'string' ? `（${(e as NodeJS.ErrnoException).path}）` : '';
  if (fsCode === 'EACCES' || fsCode === 'EPERM' || fsCode === 'EROFS') {
    return { kind: 'storage', message: `没有写入权限${where}，本次操作未能完成。${SAVED_DATA_SAFE}请换一个文件夹，或检查文件夹权限后重试。` };
  }
  if (fsCode === 'ENOTDIR' || fsCode === 'ENOENT' || fsCode === 'EISDIR') {
    return { kind: 'storage', message: `保存位置不存在或不是文件夹${where}，本次操作未能完成。${SAVED_DATA_SAFE}请换一个保存位置。` };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { kind: 'internal', message: `程序内部错误：${detail}。${SAVED_DATA_SAFE}` };
}
