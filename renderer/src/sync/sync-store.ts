import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/contract/sync-contract.js';
import { call, errorMessage } from '../api/client.js';

interface SyncUiState {
  status: SyncStatus | null;
  error: string | null;
  drawerOpen: boolean;
  drawerTab: 'status' | 'pending' | 'conflicts' | 'issues';
  refresh(): Promise<void>;
  openDrawer(tab?: SyncUiState['drawerTab']): void;
  closeDrawer(): void;
  syncNow(): Promise<string | null>;
}

let polling: number | null = null;

export const useSyncStore = create<SyncUiState>((set, get) => ({
  status: null,
  error: null,
  drawerOpen: false,
  drawerTab: 'status',
  async refresh() {
    try {
      set({ status: await call('sync.status', {}), error: null });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },
  openDrawer(tab = 'status') {
    set({ drawerOpen: true, drawerTab: tab });
  },
  closeDrawer() {
    set({ drawerOpen: false });
  },
  async syncNow() {
    try {
      const r = await call('sync.now', {});
      await get().refresh();
      const parts = [`上传 ${r.pushed} 项`, `下载 ${r.pulled} 条`];
      if (r.conflicts.length) parts.push(`${r.conflicts.length} 处冲突待处理`);
      return `同步完成：${parts.join('，')}。`;
    } catch (e) {
      await get().refresh();
      throw e;
    }
  },
}));

/** Polls the sync status while the app is open (faster while a sync runs). */
export function startSyncPolling(): void {
  if (polling !== null) return;
  const tick = () => {
    void useSyncStore
      .getState()
      .refresh()
      .finally(() => {
        const running = useSyncStore.getState().status?.state === 'syncing';
        polling = window.setTimeout(tick, running ? 500 : 2000);
      });
  };
  tick();
}
