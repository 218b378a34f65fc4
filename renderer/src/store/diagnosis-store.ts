import { create } from 'zustand';
import type { DiagnosisSummary } from '../../../shared/domain/diagnosis.js';
import type { RuleSet } from '../../../shared/eligibility/rule-set-schema.js';
import { call, errorMessage } from '../api/client.js';

interface DiagnosisState {
  /** Only this incubator's diagnoses are listed (from #/diagnoses/<incubator id>), or all when null. */
  incubatorFilter: string | null;
  items: DiagnosisSummary[];
  loading: boolean;
  error: string | null;
  /** The diagnosis open in the editor, or null for the list. */
  openId: string | null;
  ruleSets: RuleSet[];
  ruleSetsOpen: boolean;
  setFilter(incubatorId: string | null): void;
  load(): Promise<void>;
  loadRuleSets(): Promise<void>;
  open(id: string): void;
  close(): void;
  showRuleSets(open: boolean): void;
}

function filterFromHash(): string | null {
  const m = /^#\/?diagnoses\/([^/?]+)/.exec(window.location.hash);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

let latestRequest = 0;

export const useDiagnosisStore = create<DiagnosisState>((set, get) => ({
  incubatorFilter: filterFromHash(),
  items: [],
  loading: false,
  error: null,
  openId: null,
  ruleSets: [],
  ruleSetsOpen: false,
  setFilter(incubatorId) {
    window.location.hash = incubatorId ? `/diagnoses/${encodeURIComponent(incubatorId)}` : '/diagnoses';
    set({ incubatorFilter: incubatorId });
    void get().load();
  },
  async load() {
    const request = ++latestRequest;
    set({ loading: true });
    try {
      const filter = get().incubatorFilter;
      const items = await call('diagnoses.list', filter ? { incubatorId: filter } : {});
      if (request === latestRequest) set({ items, loading: false, error: null });
    } catch (e) {
      if (request === latestRequest) set({ loading: false, error: errorMessage(e) });
    }
  },
  async loadRuleSets() {
    try {
      set({ ruleSets: await call('ruleSets.list', {}) });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },
  open(id) {
    set({ openId: id });
  },
  close() {
    set({ openId: null });
    void get().load();
  },
  showRuleSets(open) {
    set({ ruleSetsOpen: open });
  },
}));

/** Opens the diagnoses of one incubator (for a button on the incubator list). */
export function openDiagnosesOf(incubatorId: string): void {
  useDiagnosisStore.setState({ incubatorFilter: incubatorId, openId: null });
  window.location.hash = `/diagnoses/${encodeURIComponent(incubatorId)}`;
}

window.addEventListener('hashchange', () => {
  if (!/^#\/?diagnoses/.test(window.location.hash)) return;
  const filter = filterFromHash();
  if (filter !== useDiagnosisStore.getState().incubatorFilter) {
    useDiagnosisStore.setState({ incubatorFilter: filter });
    void useDiagnosisStore.getState().load();
  }
});
