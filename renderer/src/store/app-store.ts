import { create } from 'zustand';
import type { AppStatus } from '../../../shared/contract/system-contract.js';
import { call, errorMessage } from '../api/client.js';

export type Page = 'dashboard' | 'incubators' | 'diagnoses' | 'agency' | 'settings';

interface AppState {
  status: AppStatus | null;
  loadError: string | null;
  page: Page;
  goTo(page: Page): void;
  refreshStatus(): Promise<void>;
}

function pageFromHash(): Page {
  // The first path segment names the page; the rest belongs to it (e.g. #/diagnoses/<incubator id>).
  const hash = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (['dashboard', 'incubators', 'diagnoses', 'agency', 'settings'] as const).find((p) => p === hash) ?? 'dashboard';
}

export const useAppStore = create<AppState>((set) => ({
  status: null,
  loadError: null,
  page: pageFromHash(),
  goTo(page) {
    window.location.hash = `/${page}`;
    set({ page });
  },
  async refreshStatus() {
    try {
      set({ status: await call('system.status', {}), loadError: null });
    } catch (e) {
      set({ loadError: errorMessage(e) });
    }
  },
}));

window.addEventListener('hashchange', () => useAppStore.setState({ page: pageFromHash() }));
