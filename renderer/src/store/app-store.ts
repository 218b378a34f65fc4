import { create } from 'zustand';
import type { AppStatus } from '../../../shared/contract/system-contract.js';
import { errorMessage } from '../api/client.js';
import { callFirst } from '../api/first-calls.js';

interface AppState {
  status: AppStatus | null;
  loadError: string | null;
  /** The sidebar shows icons only: set by the window width (below 1200 px) and by the user's toggle. */
  navCollapsed: boolean;
  setNavCollapsed(collapsed: boolean): void;
  refreshStatus(): Promise<void>;
}

export const useAppStore = create<AppState>((set) => ({
  status: null,
  loadError: null,
  navCollapsed: false,
  setNavCollapsed(navCollapsed) {
    set({ navCollapsed });
  },
  async refreshStatus() {
    try {
      // At start-up, the answer boot.ts asked for.
      set({ status: await callFirst('system.status', {}), loadError: null });
    } catch (e) {
      set({ loadError: errorMessage(e) });
    }
  },
}));
