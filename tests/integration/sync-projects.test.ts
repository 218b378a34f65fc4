// Cultivation projects against a real sync server (PostgreSQL): a project, its stage moves and its records reach a
// second device; both devices recording at once keep both moves and merge record fields; a malformed pushed value
// (a stage that does not exist) is refused per op by the shared schema, not stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient } from '../support/sync-client.js';
import { appendStageMove, getProject, insertProject, listProjects, recordsOf, saveRecord, stageMovesOf, updateProject } from '../../db/repositories/project-repository.js';
import { checkWireValue } from '../../shared/sync/field-schemas.js';

describe('projects sync', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('brings a project, its moves and its records to another device, and merges edits of both', async () => {
    const agency = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    const b = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    a.connect('http://sync.test', await server.deviceToken(agency.userId, a.clientId), agency.agencyId);
    b.connect('http://sync.test', await server.deviceToken(agency.userId, b.clientId), agency.agencyId);
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

  it('checks pushed project values with the shared schema', () => {
    expect(checkWireValue('cultivation_projects', 'stage', 'nowhere')).toMatchObject({ kind: 'invalid' });
    expect(checkWireValue('cultivation_projects', 'stage', 'planning')).toBeNull();
    expect(checkWireValue('project_records', 'kind', 'gossip')).toMatchObject({ kind: 'invalid' });
    expect(checkWireValue('project_stage_moves', 'outOfOrder', 'yes')).toMatchObject({ kind: 'invalid' });
    expect(checkWireValue('project_records', 'values.content', 'x\u0000y')).toMatchObject({ kind: 'unsafe-text' });
  });
});
