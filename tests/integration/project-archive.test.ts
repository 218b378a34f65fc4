// A project's archive read back (docs/process.md §Archive): every document in Word and Excel, the records
// workbook and the index; the index's SHA-256 of every file matches its bytes; Chinese names intact. A cancelled
// export and a full disk leave no file behind; the command line writes the same archive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { Command } from 'commander';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { archiveFileName, INDEX_FILE, writeProjectArchive } from '../../core/archive/project-archive.js';
import { registerExportCommand } from '../../core/cli/export-command.js';
import { toRpcError } from '../../core/error-mapping.js';
import { ATTACHMENTS_KEY } from '../../shared/process/attachments.js';

let t: TestWorkbench;
let dir: string;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2026-12-02T02:00:00Z') });
  dir = mkdtempSync(join(tmpdir(), 'archive-'));
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function demoProject() {
  await t.call('demo.load', {});
  return (await t.call('projects.list', {}))[0]!;
}

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('the project archive', () => {
  it('holds every document in Word and Excel, the records and an index whose hashes match, with Chinese names', async () => {
    const project = await demoProject();
    // Attachments on the visit log: a photo and two different files of the same name (names kept unique).
    const visit = (await t.call('projects.get', { id: project.id })).records.find((r) => r.kind === 'consultation')!;
    const photo = randomBytes(300_000);
    const files = [
      await t.call('projects.addAttachment', { name: '走访现场照片.png', base64: photo.toString('base64') }),
      await t.call('projects.addAttachment', { name: '会议纪要.pdf', base64: Buffer.from('%PDF-1.4 第一份').toString('base64') }),
      await t.call('projects.addAttachment', { name: '会议纪要.pdf', base64: Buffer.from('%PDF-1.4 第二份').toString('base64') }),
    ];
    await t.call('projects.saveRecord', { projectId: project.id, id: visit.id, kind: 'consultation', values: { ...visit.values, [ATTACHMENTS_KEY]: JSON.stringify(files) } });
    const view = await t.call('projects.get', { id: project.id });
    const target = join(dir, archiveFileName(view));
    expect(archiveFileName(view)).toBe('南宁邕江科技企业孵化器-2025 年度自治区级孵化器认定培育-培育项目档案.zip');
    const seen: number[] = [];
    const result = await writeProjectArchive(t.wb.database.db, project.id, target, { now: new Date('2026-12-02T02:00:00Z'), onProgress: (p) => seen.push(p.done) });
    expect(readdirSync(dir)).toEqual([archiveFileName(view)]);
    expect(seen.at(-1)).toBe(view.documents.length * 2 + files.length + 2);

    const zip = await JSZip.loadAsync(readFileSync(target));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names.filter((n) => n.endsWith('.docx'))).toHaveLength(view.documents.length);
    expect(names.filter((n) => n.startsWith('文档/') && n.endsWith('.xlsx'))).toHaveLength(view.documents.length);
    expect(names).toContain('记录/项目记录与阶段变更.xlsx');
    expect(names).toContain(INDEX_FILE);
    expect(names.some((n) => n.includes('南宁邕江科技企业孵化器') && n.includes('诊断意见表'))).toBe(true);

    const index = parseCsv(await zip.file(INDEX_FILE)!.async('string'));
    expect(index[0]).toEqual(['序号', '文件', '内容', '日期', '大小（字节）', 'SHA-256']);
    expect(index.slice(1).map((r) => r[1]).sort()).toEqual(names.filter((n) => n !== INDEX_FILE).sort());
    for (const row of index.slice(1)) {
      const bytes = await zip.file(row[1]!)!.async('uint8array');
      expect(createHash('sha256').update(bytes).digest('hex'), row[1]).toBe(row[5]);
      expect(Number(row[4])).toBe(bytes.byteLength);
      expect(row[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(result.index).toHaveLength(index.length - 1);
    const day = String(visit.values.date);
    const attached = index.slice(1).filter((r) => r[1]!.startsWith('附件/'));
    expect(attached.map((r) => r[1])).toEqual([`附件/洽谈与走访记录/${day}-走访现场照片.png`, `附件/洽谈与走访记录/${day}-会议纪要.pdf`, `附件/洽谈与走访记录/${day}-会议纪要（2）.pdf`]);
    expect(attached.map((r) => r[5])).toEqual(files.map((f) => f.sha256));
    expect(attached.every((r) => r[3] === day && r[2]!.startsWith('洽谈与走访记录「'))).toBe(true);
    expect(Buffer.from(await zip.file(attached[0]![1]!)!.async('uint8array')).equals(photo)).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await zip.file('记录/项目记录与阶段变更.xlsx')!.async('uint8array')) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['阶段变更记录', '洽谈与走访记录', '详细服务计划', '进展反馈与问题协调', '服务验收', '后续跟踪服务', '投诉处理', '委托方服务评价', '不合格项整改', '服务改进']);
    const visits = book.getWorksheet('洽谈与走访记录')!;
    expect(visits.getRow(2).values).toEqual([undefined, '日期', '方式', '主题', '参加人员', '洽谈内容及结果']);
    expect(String(visits.getCell(3, 3).value)).toBe('了解自治区级孵化器认定条件');
    expect(book.getWorksheet('阶段变更记录')!.rowCount).toBe(2 + view.moves.length);
  });

  it('leaves no file when cancelled, and says the disk is full without a half file', async () => {
    const project = await demoProject();
    const target = join(dir, 'a.zip');
    const cancel = new AbortController();
    cancel.abort();
    await expect(writeProjectArchive(t.wb.database.db, project.id, target, { now: new Date(), signal: cancel.signal })).rejects.toThrow('已取消导出档案');
    expect(readdirSync(dir)).toEqual([]);

    // The file being written is /dev/full: every write fails with ENOSPC, as on a full disk.
    symlinkSync('/dev/full', `${target}.part`);
    const failure = await writeProjectArchive(t.wb.database.db, project.id, target, { now: new Date() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(toRpcError(failure)).toMatchObject({ kind: 'storage', message: expect.stringContaining('磁盘空间已满') });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);

    // A place that cannot hold the file (here: inside a file, as a folder without write rights refuses it too).
    writeFileSync(join(dir, '不是文件夹'), 'x');
    const blocked = await writeProjectArchive(t.wb.database.db, project.id, join(dir, '不是文件夹', 'a.zip'), { now: new Date() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(toRpcError(blocked)).toMatchObject({ kind: 'storage', message: expect.stringContaining('保存位置不存在或不是文件夹') });
    expect(readdirSync(dir)).toEqual(['不是文件夹']);
  });

  it('is written by `export archive` on the command line, and names a missing project', async () => {
    const project = await demoProject();
    const program = new Command().exitOverride();
    registerExportCommand(program, () => ({ wb: t.wb, router: t.router }));
    const out = join(dir, '档案.zip');
    await program.parseAsync(['export', 'archive', '--incubator', '南宁邕江科技企业孵化器', '--out', out], { from: 'user' });
    expect(Object.keys((await JSZip.loadAsync(readFileSync(out))).files)).toContain(INDEX_FILE);
    await program.parseAsync(['export', 'archive', '--incubator', '南宁邕江科技企业孵化器', '--project', project.id, '--out', join(dir, 'b.zip')], { from: 'user' });
    expect(existsSync(join(dir, 'b.zip'))).toBe(true);
    await expect(program.parseAsync(['export', 'archive', '--incubator', '柳州汽车零部件专业孵化器', '--out', join(dir, 'c.zip')], { from: 'user' })).rejects.toThrow('还没有培育项目');
  });
});

describe('the archive from the app', () => {
  it('is written in the background with progress into the data folder, and a cancelled one leaves nothing', async () => {
    const project = await demoProject();
    const { jobId } = await t.call('projects.startArchive', { id: project.id });
    let status = await t.call('projects.archiveStatus', { jobId });
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      status = await t.call('projects.archiveStatus', { jobId });
    }
    expect(status).toMatchObject({ state: 'done', fileName: '南宁邕江科技企业孵化器-2025 年度自治区级孵化器认定培育-培育项目档案.zip' });
    expect(status.done).toBe(status.total);
    expect(status.path).toBe(join(t.wb.dataDir, 'archives', status.fileName));
    expect(existsSync(status.path!)).toBe(true);

    rmSync(status.path!);
    const second = await t.call('projects.startArchive', { id: project.id });
    await t.call('projects.cancelArchive', { jobId: second.jobId });
    let cancelled = await t.call('projects.archiveStatus', { jobId: second.jobId });
    while (cancelled.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      cancelled = await t.call('projects.archiveStatus', { jobId: second.jobId });
    }
    expect(cancelled.state).toBe('cancelled');
    expect(readdirSync(join(t.wb.dataDir, 'archives'))).toEqual([]);
  });
});
