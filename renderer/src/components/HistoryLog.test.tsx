// 操作记录 against the real backend: entries link to their records, and the log filters by kind and by record.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HistoryLog } from './HistoryLog.js';
import { renderInApp } from '../../test/render-app.js';
import { withRealBackend } from '../../test/real-backend.js';
import { registerRoutes } from '../navigation/routes.js';
import { useHistoryStore } from '../store/history-store.js';
import { sampleIncubator } from '../../../tests/support/sample-incubator.js';
import { useProjectStore } from '../store/project-store.js';

const backend = withRealBackend();
registerRoutes();

/** The summaries in the table, top to bottom. */
function summaries(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).queryAllByRole('cell')[3]?.textContent ?? '');
}

describe('HistoryLog', () => {
  it('links each entry to its record and filters by record', async () => {
    const a = await backend().call('incubators.save', { values: sampleIncubator(1) });
    await backend().call('incubators.save', { values: sampleIncubator(2) });
    await backend().call('incubators.save', { id: a.id, values: { ...sampleIncubator(1), legalRep: '覃海' } });
    useHistoryStore.setState({ filter: {} });
    renderInApp(<HistoryLog />);

    await waitFor(() => expect(summaries()).toHaveLength(3));
    const link = screen.getAllByRole('link', { name: `修改孵化器「${a.name}」：法人代表` })[0]!;
    expect(link.getAttribute('href')).toBe(`#/incubators/${a.id}`);

    // 只看此记录 on the first row (the edit of a) keeps only a's entries.
    await userEvent.click(screen.getAllByRole('button', { name: '只看此记录' })[0]!);
    await waitFor(() => expect(summaries()).toEqual([`修改孵化器「${a.name}」：法人代表`, `新建孵化器「${a.name}」`]));
    expect(useHistoryStore.getState().filter.record).toEqual({ entity: 'incubators', rowId: a.id });
  });

  it('links a project record and a stage move to their project; the link of a record opens its drawer there', async () => {
    const inc = await backend().call('incubators.save', { values: sampleIncubator(1) });
    const { today } = await backend().call('projects.today', {});
    const project = await backend().call('projects.create', { incubatorId: inc.id, name: '认定培育', startedOn: today, notes: '' });
    const recordId = crypto.randomUUID();
    const values = { date: today, channel: '走访', subject: '了解运营情况', people: '黄敏', notes: '' };
    await backend().call('projects.saveRecord', { projectId: project.id, id: recordId, kind: 'consultation', values });
    await backend().call('projects.moveStage', { id: project.id, to: 'diagnosis', date: today, reason: '' });
    useHistoryStore.setState({ filter: {} });
    renderInApp(<HistoryLog />);

    const move = await screen.findByRole('link', { name: /从「宣传与洽谈」进入「分析与诊断」/ });
    expect(move.getAttribute('href')).toBe(`#/projects/${project.id}`);
    const record = screen.getByRole('link', { name: /了解运营情况/ });
    expect(record.getAttribute('href')).toBe(`#/projects/${project.id}`);
    await userEvent.click(record);
    expect(useProjectStore.getState().pendingRecord).toEqual({ kind: 'consultation', id: recordId });
    expect(window.location.hash).toBe(`#/projects/${project.id}`);
  });

  it('filters by kind of record and by action through the store the selects drive', async () => {
    await backend().call('demo.load', {});
    useHistoryStore.setState({ filter: {} });
    renderInApp(<HistoryLog />);
    await waitFor(() => expect(summaries().length).toBeGreaterThan(5));

    useHistoryStore.getState().setFilter({ entity: 'agency_staff' });
    await waitFor(() => expect(summaries().every((s) => s.startsWith('添加服务人员'))).toBe(true));
    await waitFor(() => expect(useHistoryStore.getState().records.every((r) => r.entity === 'agency_staff')).toBe(true));

    await backend().call('history.undoDelete', {
      auditId: (await backend().call('incubators.delete', { id: (await backend().call('incubators.list', { query: '邕江' }))[0]!.id })).auditId,
    });
    useHistoryStore.getState().setFilter({ action: 'restore' });
    await waitFor(() => expect(summaries()).toEqual(['恢复孵化器「南宁邕江科技企业孵化器」']));
  });
});
