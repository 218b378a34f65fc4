import { create } from 'zustand';
import type { AgencyView } from '../../../shared/contract/agency-contract.js';
import type { HistoryEntry } from '../../../shared/contract/history-contract.js';
import type { IncubatorSummary } from '../../../shared/contract/incubator-contract.js';
import { call, errorMessage } from '../api/client.js';

export const RECENT_ENTRIES = 8;

interface DashboardState {
  incubators: IncubatorSummary[] | null;
  agency: AgencyView | null;
  history: HistoryEntry[];
  error: string | null;
  /** Reads what 工作台 shows. Calls made while one is under way share it. */
  load(): Promise<void>;
}

let inFlight: Promise<void> | null = null;

/**
 * 工作台's figures and recent history. A store rather than page state so that the first screen can ask for them
 * at start-up, while the page's code is still loading (renderer/src/main.tsx).
 */
export const useDashboardStore = create<DashboardState>((set) => ({
  incubators: null,
  agency: null,
  history: [],
  error: null,
  load() {
    inFlight ??= Promise.all([call('incubators.list', { query: '' }), call('agency.get', {}), call('history.list', { limit: RECENT_ENTRIES })])
      .then(([incubators, agency, history]) => set({ incubators, agency, history: history.entries, error: null }))
      .catch((e: unknown) => set({ error: errorMessage(e) }))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },
}));
