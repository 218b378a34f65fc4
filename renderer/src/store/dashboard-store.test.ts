// The first screen asks each of its questions once: boot.ts asks early, the store takes those answers at start-up,
// and the page's first mount does not ask again; a later visit reads afresh.
import { describe, expect, it, vi } from 'vitest';
import { withRealBackend } from '../../test/real-backend.js';
import { askEarly } from '../api/first-calls.js';
import { DASHBOARD_QUESTIONS } from './dashboard-questions.js';
import { useDashboardStore } from './dashboard-store.js';
import { sampleIncubator } from '../../../tests/support/sample-incubator.js';

const backend = withRealBackend();

describe('dashboard store', () => {
  it('takes the answers asked at start-up, asks nothing more on the first mount, and reads afresh later', async () => {
    await backend().call('incubators.save', { values: sampleIncubator(1) });
    const dispatch = vi.spyOn(backend().router, 'dispatch');
    const asked = () => dispatch.mock.calls.map(([method]) => method).sort();

    for (const [method, input] of Object.values(DASHBOARD_QUESTIONS)) askEarly(method, input);
    await useDashboardStore.getState().prime();
    await useDashboardStore.getState().loadOnMount();
    expect(asked()).toEqual(['agency.get', 'contracts.reminders', 'history.list', 'incubators.list', 'projects.due', 'projects.list']);
    expect(useDashboardStore.getState().incubators).toHaveLength(1);

    // Coming back to 工作台 later shows what changed meanwhile.
    await backend().call('incubators.save', { values: sampleIncubator(2) });
    dispatch.mockClear();
    await useDashboardStore.getState().loadOnMount();
    expect(asked()).toEqual(['agency.get', 'contracts.reminders', 'history.list', 'incubators.list', 'projects.due', 'projects.list']);
    expect(useDashboardStore.getState().incubators).toHaveLength(2);
  });
});
