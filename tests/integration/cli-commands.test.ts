// The command line, as a user runs it: the built dist/node/cli.mjs in a child process on a temp data folder.
// Each run starts a process (about a second, more on a busy machine), so the demo data is loaded once and copied.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.js';
import { makeTempDir } from '../../db/testing/test-database.js';
import { builtCli, ensureNodeBuild, root } from '../support/built-app.js';

const temps: (() => void)[] = [];
afterAll(() => {
  for (const c of temps.splice(0)) c();
});
function newDir(): string {
  const t = makeTempDir('wb-cli-');
  temps.push(t.cleanup);
  return t.dir;
}

function cli(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [builtCli, ...args], {
    cwd: root,
    env: { ...process.env, WORKBENCH_DATA_DIR: join(dir, 'data') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Live incubators in a data folder, read directly (no process start). */
function liveIncubators(dir: string): number {
  const db = new Database(join(dir, 'data', 'workbench.sqlite'), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from incubators where deleted_at is null').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let seeded = '';
/** A copy of the data folder that already holds the demo data. */
function seededCopy(): string {
  const dir = newDir();
  cpSync(join(seeded, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

beforeAll(() => {
  ensureNodeBuild();
  seeded = newDir();
  const demo = cli(seeded, 'demo');
  expect(demo.stderr).toBe('');
  expect(demo.code).toBe(0);
  expect(demo.stdout).toContain('已添加 5 个示例孵化器');
});

const CJK = /[\u4e00-\u9fff]/;

describe('workbench CLI', () => {
  it('--help lists demo, incubators, backup and restore', () => {
    const r = cli(newDir(), '--help');
    expect(r.code).toBe(0);
    for (const command of ['demo', 'incubators', 'backup', 'restore']) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('demo twice adds nothing twice; incubators --json gives the 5 demo incubators as JSON; --search filters', () => {
    const dir = seededCopy();
    expect(cli(dir, 'demo').stdout).toContain('5 个已存在未重复添加');
    const r = cli(dir, 'incubators', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; creditCode: string }[];
    expect(list).toHaveLength(5);
    expect(list.map((i) => i.name)).toContain('柳州汽车零部件专业孵化器');
    const search = JSON.parse(cli(dir, 'incubators', '--json', '--search', 'lzqc').stdout) as { name: string }[];
    expect(search.map((i) => i.name)).toEqual(['柳州汽车零部件专业孵化器']);
  });

  it('backup <file> then restore <file> into another data folder brings the data back', () => {
    const dir = seededCopy();
    const file = join(dir, 'copy.sqlite');
    const backup = cli(dir, 'backup', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('已备份到');
    expect(existsSync(file)).toBe(true);

    const other = newDir();
    const restore = cli(other, 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('已从 copy.sqlite 恢复');
    expect(restore.stdout).toContain('恢复前的数据已保存为 workbench-before-restore-');
    const list = JSON.parse(cli(other, 'incubators', '--json').stdout) as unknown[];
    expect(list).toHaveLength(5);
  });

  it('restore from a missing file: Chinese message on stderr, non-zero exit, nothing changed', () => {
    const dir = seededCopy();
    const r = cli(dir, 'restore', join(dir, 'no-such-file.sqlite'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(CJK);
    expect(r.stderr).toContain('找不到备份文件');
    expect(liveIncubators(dir)).toBe(5);
  });

  it('restore from a file that is not a database is refused, nothing changed', () => {
    const dir = seededCopy();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database'.repeat(500));
    const r = cli(dir, 'restore', junk);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('未做恢复');
    expect(liveIncubators(dir)).toBe(5);
  });

  it('backup onto an existing file is refused and the file is left alone', () => {
    const dir = seededCopy();
    const target = join(dir, 'exists.txt');
    writeFileSync(target, 'keep me');
    const r = cli(dir, 'backup', target);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('备份失败');
    expect(r.stderr).toContain('目标文件已存在');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('an unknown command exits non-zero with a message', () => {
    const r = cli(newDir(), 'frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('a corrupt database: the command refuses with a Chinese message and the file is untouched', () => {
    const dir = seededCopy();
    const file = join(dir, 'data', 'workbench.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 7));
    const r = cli(dir, 'incubators', '--json');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(CJK);
    expect(r.stderr).toContain('workbench restore');
    expect(readFileSync(file).equals(Buffer.alloc(8192, 7))).toBe(true);
  });
});
