// Cultivation projects against a real sync server (PostgreSQL): a project, its stage moves and its records reach a
// second device; both devices recording at once keep both moves and merge record fields; a malformed pushed value
// (a stage that does not exist) is refused per op by the shared schema, not stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { appendStageMove, getProject, insertProject, listProjects, recordsOf, saveRecord, stageMovesOf, updateProject } from '../../db/repositories/project-repository.js';
import { checkWireValue } from '../../shared/sync/field-schemas.js';
import { getBlob } from '../../db/repositories/sync-state-repository.js';
import { storeAttachment } from '../../core/services/record-attachments.js';
import { ATTACHMENTS_KEY, attachmentsOf, attachmentsValue } from '../../shared/process/attachments.js';

describe('projects sync', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Two devices of one new agency, connected to the server. */
  async function twoDevices() {
    const agency = await server.newAgency();
    const devices = [0, 1].map(() => openTestSyncClient({ engine: { fetchImpl: server.injectFetch } }));
    for (const d of devices) d.connect('http://sync.test', await server.deviceToken(agency.userId, d.clientId), agency.agencyId);
    return devices as [TestSyncClient, TestSyncClient];
  }

  it('brings a project, its moves and its records to another device, and merges edits of both', async () => {
    const [a, b] = await twoDevices();
    const incubatorId = a.saveIncubator(undefined, { name: '梧州孵化器' });
    const project = insertProject(a.opened.db, a.ctx, { incubatorId, name: '2026 年度培育', startedOn: '2026-03-01', notes: '' }, '新建');
    appendStageMove(a.opened.db, a.ctx, { projectId: project.id, fromStage: null, toStage: 'outreach', date: '2026-03-01', reason: '', outOfOrder: false }, null);
    const recordId = randomUUID();
    saveRecord(a.opened.db, a.ctx, { id: recordId, projectId: project.id, kind: 'complaint', values: { receivedDate: '2026-03-05', content: '通知较晚', answerDue: '2026-03-10', answeredDate: null } }, '新增投诉');
    await a.engine.sync();
    await b.engine.sync();

    expect(listProjects(b.opened.db).map((p) => [p.name, p.stage])).toEqual([['2026 年度培育', 'outreach']]);
    expect(stageMovesOf(b.opened.db, project.id).map((m) => m.toStage)).toEqual(['outreach']);
    expect(recordsOf(b.opened.db, project.id)).toMatchObject([{ id: recordId, kind: 'complaint', values: { content: '通知较晚', answerDue: '2026-03-10' } }]);

    // Both devices at once: a moves the stage on, b answers the complaint. Moves are appended rows, record fields
    // merge one by one: nothing of either is lost.
    appendStageMove(a.opened.db, a.ctx, { projectId: project.id, fromStage: 'outreach', toStage: 'diagnosis', date: '2026-03-06', reason: '', outOfOrder: false }, 'a 变更阶段');
    updateProject(a.opened.db, a.ctx, getProject(a.opened.db, project.id)!, { stage: 'diagnosis' }, null);
    appendStageMove(b.opened.db, b.ctx, { projectId: project.id, fromStage: 'outreach', toStage: 'contracting', date: '2026-03-06', reason: '对方已完成诊断', outOfOrder: true }, 'b 变更阶段');
    const bRecord = recordsOf(b.opened.db, project.id)[0]!;
    saveRecord(b.opened.db, b.ctx, { id: recordId, projectId: project.id, kind: 'complaint', values: { ...bRecord.values, answeredDate: '2026-03-07', handling: '已电话说明' } }, '答复投诉');
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    for (const device of [a, b]) {
      expect(stageMovesOf(device.opened.db, project.id).map((m) => m.toStage).sort()).toEqual(['contracting', 'diagnosis', 'outreach']);
      expect(recordsOf(device.opened.db, project.id)[0]!.values).toMatchObject({ content: '通知较晚', answeredDate: '2026-03-07', handling: '已电话说明' });
    }
  });

  it("brings a record's attachments to another device: the list as one field, each file fetched once by its hash", async () => {
    const [a, b] = await twoDevices();
    const incubatorId = a.saveIncubator(undefined, { name: '玉林孵化器' });
    const project = insertProject(a.opened.db, a.ctx, { incubatorId, name: '2026 年度培育', startedOn: '2026-03-01', notes: '' }, '新建');
    const photo = randomBytes(600_000);
    const stored = storeAttachment(a.opened.db, '走访照片.png', photo.toString('base64'), new Date());
    const recordId = randomUUID();
    const values = { date: '2026-03-02', channel: '走访', subject: '实地走访', people: '黄敏', [ATTACHMENTS_KEY]: attachmentsValue([stored]) };
    saveRecord(a.opened.db, a.ctx, { id: recordId, projectId: project.id, kind: 'consultation', values }, '新增走访');
    await a.engine.sync();
    const report = await b.engine.sync();

    expect(report.blobsDown).toBe(1);
    expect(attachmentsOf(recordsOf(b.opened.db, project.id)[0]!.values)).toEqual([stored]);
    expect(getBlob(b.opened.db, stored.sha256)!.equals(photo)).toBe(true);
  });

  it('checks pushed project values with the shared schema', () => {
    expect(checkWireValue('cultivation_projects', 'stage', 'nowhere')).toMatchObject({ kind: 'invalid' });
    expect(checkWireValue('cultivation_projects', 'stage', 'planning')).toBeNull();
    expect(checkWireValue('project_records', 'kind', 'gossip')).toMatchObject({ kind: 'invalid' });
    expect(checkWireValue('project_stage_moves', 'outOfOrder', 'yes')).toMatchObject({ kind: 'invalid' });
    expect(checkWireValue('project_records', 'values.content', 'x\u0000y')).toMatchObject({ kind: 'unsafe-text' });
  });
});
