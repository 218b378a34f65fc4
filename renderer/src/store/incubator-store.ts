import { create } from 'zustand';
import type { IncubatorSummary } from '../../../shared/contract/incubator-contract.js';
import { call, errorMessage } from '../api/client.js';

interface IncubatorState {
  query: string;
  items: IncubatorSummary[];
  loading: boolean;
  error: string | null;
  /** The incubator open in the editor: an id, 'new', or null when closed. */
  editing: string | null;
  setQuery(query: string): void;
  load(): Promise<void>;
  /** Reads the list again without the loading state: after a sync brought rows from other devices. */
  refresh(): Promise<void>;
  openEditor(id: string | 'new'): void;
  closeEditor(): void;
}

let latestRequest = 0;

export const useIncubatorStore = create<IncubatorState>((set, get) => {
  /** Reads the list for the current query; `showLoading` false keeps the table as it is until the answer comes. */
  const read = async (showLoading: boolean): Promise<void> => {
    const request = ++latestRequest;
    if (showLoading) set({ loading: true });
    try {
      const items = await call('incubators.list', { query: get().query });
      // A slower earlier search must not overwrite the answer to the newer one.
      if (request === latestRequest) set({ items, loading: false, error: null });
    } catch (e) {
      if (request === latestRequest) set({ loading: false, error: errorMessage(e) });
    }
  };
  return {
    query: '',
    items: [],
    loading: false,
    error: null,
    editing: null,
    setQuery(query) {
      set({ query });
      void get().load();
    },
    load() {
      return read(true);
    },
    refresh() {
      return read(false);
    },
    openEditor(id) {
      set({ editing: id });
    },
    closeEditor() {
      set({ editing: null });
    },
  };
});
