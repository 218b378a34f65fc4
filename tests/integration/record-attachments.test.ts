// Attachments of project records through the router (docs/process.md §Attachments): a file stored once in the blob
// store whatever the number of times it is added, refused with a message naming it when empty, too large or of a
// type that may not be attached; a record's list checked on save and kept when a save does not send it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { failureOf } from '../support/rpc-failure.js';
import { sampleIncubator } from '../support/sample-incubator.js';
import { syncBlobs } from '../../db/schema/index.js';
import { getBlob } from '../../db/repositories/sync-state-repository.js';
import { ATTACHMENTS_KEY, attachmentsOf, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_RECORD } from '../../shared/process/attachments.js';
import { checkWireValue } from '../../shared/sync/field-schemas.js';
import { blobHashesOf } from '../../shared/sync/blob-refs.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2026-12-02T02:00:00Z') });
});
afterEach(() => t.cleanup());

const visit = { date: '2026-11-03', channel: '走访', subject: '实地走访', people: '黄敏', notes: '' };
const b64 = (bytes: Buffer) => bytes.toString('base64');

async function newProject() {
  const inc = await t.call('incubators.save', { values: sampleIncubator(1) });
  return t.call('projects.create', { incubatorId: inc.id, name: '2026 年度认定培育', startedOn: '2026-11-01', notes: '' });
}

describe('record attachments', () => {
  it('stores a file once under its SHA-256, however often it is added', async () => {
    const photo = randomBytes(50_000);
    const first = await t.call('projects.addAttachment', { name: 'C:\\fakepath\\走访现场.JPG', base64: b64(photo) });
    const again = await t.call('projects.addAttachment', { name: '另一个名字.jpg', base64: b64(photo) });
    const sha = createHash('sha256').update(photo).digest('hex');
    expect(first).toEqual({ name: '走访现场.JPG', sha256: sha, size: photo.length, mime: 'image/jpeg' });
    expect(again.sha256).toBe(sha);
    expect(t.wb.database.db.select().from(syncBlobs).all().filter((b) => b.sha256 === sha)).toHaveLength(1);
    expect(getBlob(t.wb.database.db, sha)!.equals(photo)).toBe(true);
  });

  it('refuses an empty, too large, unreadable or unsupported file with a message naming it', async () => {
    expect(await failureOf(t.call('projects.addAttachment', { name: '空白.pdf', base64: '' }))).toMatchObject({ kind: 'validation', field: ATTACHMENTS_KEY, message: '「空白.pdf」是空文件，未添加。' });
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1);
    const tooBig = await failureOf(t.call('projects.addAttachment', { name: '会议录像截图.png', base64: b64(big) }));
    expect(tooBig.message).toBe('「会议录像截图.png」有 10 MB，超过单个附件 10 MB 的上限，未添加。');
    expect((await failureOf(t.call('projects.addAttachment', { name: '扫描件.pdf', base64: '@@@@' }))).message).toBe('无法读取「扫描件.pdf」，未添加。');
    expect((await failureOf(t.call('projects.addAttachment', { name: '脚本.exe', base64: b64(Buffer.from('MZ')) }))).message).toContain('「脚本.exe」的类型不能作为附件');
    expect(t.wb.database.db.select().from(syncBlobs).all()).toEqual([]);
  });

  it('keeps the list on the record, refuses a list of files not stored here or too long, and keeps it when a save leaves it out', async () => {
    const project = await newProject();
    const id = randomUUID();
    const pdf = await t.call('projects.addAttachment', { name: '走访纪要.pdf', base64: b64(Buffer.from('%PDF-1.4 纪要')) });
    const png = await t.call('projects.addAttachment', { name: '现场照片.png', base64: b64(randomBytes(2000)) });
    const saved = await t.call('projects.saveRecord', { projectId: project.id, id, kind: 'consultation', values: { ...visit, [ATTACHMENTS_KEY]: JSON.stringify([pdf, png]) } });
    expect(attachmentsOf(saved.view.records[0]!.values)).toEqual([pdf, png]);

    // A save that does not send the list (an older client) keeps it: nothing saved is lost.
    const edited = await t.call('projects.saveRecord', { projectId: project.id, id, kind: 'consultation', values: { ...visit, notes: '补充' } });
    expect(attachmentsOf(edited.view.records[0]!.values)).toEqual([pdf, png]);

    const stranger = { ...pdf, name: '别处的.pdf', sha256: 'a'.repeat(64) };
    const missing = await failureOf(t.call('projects.saveRecord', { projectId: project.id, id, kind: 'consultation', values: { ...visit, [ATTACHMENTS_KEY]: JSON.stringify([stranger]) } }));
    expect(missing).toMatchObject({ field: ATTACHMENTS_KEY, message: '附件「别处的.pdf」的文件不在本机，请重新添加。' });
    const many = JSON.stringify(Array.from({ length: MAX_ATTACHMENTS_PER_RECORD + 1 }, (_, i) => ({ ...pdf, name: `纪要${i}.pdf` })));
    expect((await failureOf(t.call('projects.saveRecord', { projectId: project.id, id, kind: 'consultation', values: { ...visit, [ATTACHMENTS_KEY]: many } }))).message).toBe(`每条记录最多 ${MAX_ATTACHMENTS_PER_RECORD} 个附件。`);
    expect(attachmentsOf((await t.call('projects.get', { id: project.id })).records[0]!.values)).toEqual([pdf, png]);

    // Removing every attachment clears the list.
    const cleared = await t.call('projects.saveRecord', { projectId: project.id, id, kind: 'consultation', values: { ...visit, [ATTACHMENTS_KEY]: null } });
    expect(attachmentsOf(cleared.view.records[0]!.values)).toEqual([]);
  });

  it('is one synced field, checked by the shared wire schema, whose files the sync client fetches', () => {
    const entry = { name: '照片.png', sha256: 'b'.repeat(64), size: 10, mime: 'image/png' };
    expect(checkWireValue('project_records', 'values.attachments', JSON.stringify([entry]))).toBeNull();
    expect(checkWireValue('project_records', 'values.attachments', null)).toBeNull();
    expect(checkWireValue('project_records', 'values.attachments', JSON.stringify([{ ...entry, size: -1 }]))).toMatchObject({ kind: 'invalid' });
    expect(checkWireValue('project_records', 'values.attachments', 'not json')).toMatchObject({ kind: 'invalid' });
    expect(blobHashesOf('values.attachments', JSON.stringify([entry]))).toEqual(['b'.repeat(64)]);
    expect(blobHashesOf('signatureRef', `sha256:${'c'.repeat(64)}`)).toEqual(['c'.repeat(64)]);
  });
});
