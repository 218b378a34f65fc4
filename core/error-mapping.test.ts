import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../shared/rpc/result.js';
import { HlcError } from '../shared/sync/hlc.js';
import { RowNotFound } from '../db/errors.js';
import { DatabaseProblem } from '../db/open-database.js';
import { toRpcError } from './error-mapping.js';

const sqliteError = (code: string) => Object.assign(new Error(`sqlite says ${code}`), { code });
const CJK = /[\u4e00-\u9fff]/;

describe('toRpcError', () => {
  it('passes an AppError through with its field and issues', () => {
    const issues = [{ field: 'creditCode', message: '错', severity: 'error' as const }];
    expect(toRpcError(new AppError('validation', '请修改', { field: 'creditCode', issues }))).toEqual({
      kind: 'validation',
      message: '请修改',
      field: 'creditCode',
      issues,
    });
  });

  it('a zod error is a bad-request with the path of each issue', () => {
    const r = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
    const e = toRpcError(r.error);
    expect(e.kind).toBe('bad-request');
    expect(e.issues?.[0]?.field).toBe('a.b');
  });

  it('maps our own errors', () => {
    expect(toRpcError(new RowNotFound('incubators', 'x')).kind).toBe('not-found');
    expect(toRpcError(new DatabaseProblem('corrupt', '坏了', '/f'))).toEqual({ kind: 'unavailable', message: '坏了' });
    expect(toRpcError(new HlcError('drift', '时间不对')).kind).toBe('conflict');
  });

  it.each(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_WRITE'])(
    '%s is a storage error with a Chinese message',
    (code) => {
      const e = toRpcError(sqliteError(code));
      expect(e.kind).toBe('storage');
      expect(e.message).toMatch(CJK);
    },
  );

  it('a full disk says the saved data is safe and what to do', () => {
    expect(toRpcError(sqliteError('SQLITE_FULL')).message).toBe('磁盘空间已满，本次修改未能保存。已保存的数据未受影响。请清理磁盘后再保存。');
  });

  it('anything else is internal, in Chinese, with the detail', () => {
    const e = toRpcError(new TypeError('x is undefined'));
    expect(e.kind).toBe('internal');
    expect(e.message).toContain('x is undefined');
    expect(e.message).toMatch(CJK);
    expect(toRpcError('plain string').kind).toBe('internal');
  });

  it('a full disk while writing a file (a backup) says the disk is full, not an internal error', () => {
    expect(toRpcError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toEqual({
      kind: 'storage',
      message: '磁盘空间已满，本次操作未能完成。已保存的数据未受影响。请清理磁盘后重试。',
    });
  });

  it('a folder that cannot be written, or a place that is not a folder, is said plainly with the place', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/srv/归档/a.zip.part'"), { code: 'EACCES', path: '/srv/归档/a.zip.part' });
    expect(toRpcError(denied)).toEqual({ kind: 'storage', message: '没有写入权限（/srv/归档/a.zip.part），本次操作未能完成。已保存的数据未受影响。请换一个文件夹，或检查文件夹权限后重试。' });
    expect(toRpcError(Object.assign(new Error('EROFS'), { code: 'EROFS' })).message).toMatch(/^没有写入权限，/);
    const notDir = Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR', path: '/tmp/file.txt/a.zip' });
    expect(toRpcError(notDir)).toMatchObject({ kind: 'storage', message: expect.stringContaining('保存位置不存在或不是文件夹（/tmp/file.txt/a.zip）') });
  });
});
