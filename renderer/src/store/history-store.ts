import { create } from 'zustand';
import type { HistoryEntry, HistoryRecord } from '../../../shared/contract/history-contract.js';
import { call, errorMessage } from '../api/client.js';

export interface HistoryFilter {
  /** A kind of record (its entity name), e.g. 'incubators'. */
  entity?: string;
  /** One record: its entity and id. */
  record?: { entity: string; rowId: string };
  action?: HistoryEntry['action'];
}

interface HistoryState {
  filter: HistoryFilter;
  entries: HistoryEntry[];
  more: boolean;
  loading: boolean;
  error: string | null;
  /** The records the log mentions (of the chosen kind), for the record filter. */
  records: HistoryRecord[];
  setFilter(filter: HistoryFilter): void;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  loadRecords(): Promise<void>;
}

const PAGE = 100;
let latestRequest = 0;

function query(filter: HistoryFilter) {
  const entity = filter.record?.entity ?? filter.entity;
  return {
    ...(entity !== undefined ? { entity } : {}),
    ...(filter.record ? { rowId: filter.record.rowId } : {}),
    ...(filter.action !== undefined ? { action: filter.action } : {}),
  };
}

/** 操作记录 with its filters (by kind of record, by record, by action). */
export const useHistoryStore = create<HistoryState>((set, get) => ({
  filter: {},
  entries: [],
  more: false,
  loading: false,
  error: null,
  records: [],
  setFilter(filter) {
    const kindChanged = filter.entity !== get().filter.entity;
    set({ filter });
    void get().load();
    if (kindChanged) void get().loadRecords();
  },
  async load() {
    const request = ++latestRequest;
    set({ loading: true });
    try {
      const r = await call('history.list', { ...query(get().filter), limit: PAGE });
      // An answer to an older filter must not replace the answer to the newer one.
      if (request === latestRequest) set({ entries: r.entries, more: r.more, loading: false, error: null });
    } catch (e) {
      if (request === latestRequest) set({ loading: false, error: errorMessage(e) });
    }
  },
  async loadMore() {
    const { entries, filter } = get();
    const last = entries.at(-1);
    if (!last) return;
    const request = ++latestRequest;
    set({ loading: true });
    try {
      const r = await call('history.list', { ...query(filter), beforeId: last.id, limit: PAGE });
      if (request === latestRequest) set({ entries: [...entries, ...r.entries], more: r.more, loading: false, error: null });
    } catch (e) {
      if (request === latestRequest) set({ loading: false, error: errorMessage(e) });
    }
  },
  async loadRecords() {
    const entity = get().filter.entity;
    try {
      const records = await call('history.records', entity !== undefined ? { entity } : {});
      if (get().filter.entity === entity) set({ records });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },
}));
