import { create } from 'zustand';
import type { ProjectSummary, ProjectView } from '../../../shared/contract/projects-contract.js';
import type { ProjectStage } from '../../../shared/process/stages.js';
import type { RecordKind } from '../../../shared/process/record-kinds.js';
import { call, errorMessage } from '../api/client.js';

interface ProjectState {
  items: ProjectSummary[];
  loading: boolean;
  error: string | null;
  /** Only projects in this stage; null: all. */
  stageFilter: ProjectStage | null;
  /** The project open on its page (its id is in the address, #/projects/<id>), or null. */
  openId: string | null;
  view: ProjectView | null;
  /** A record to open once its project's page shows (a 本周待办 link). */
  pendingRecord: { kind: RecordKind; id: string } | null;
  focusRecord(record: { kind: RecordKind; id: string } | null): void;
  load(): Promise<void>;
  setStageFilter(stage: ProjectStage | null): void;
  open(id: string): void;
  close(): void;
  /** Reads the open project again (after a save elsewhere, e.g. a document completed). */
  refresh(): Promise<void>;
  /** A fresh view from a save: shown at once, without another round trip. */
  show(view: ProjectView): void;
}

let latestRequest = 0;

export const useProjectStore = create<ProjectState>((set, get) => ({
  items: [],
  loading: false,
  error: null,
  stageFilter: null,
  openId: null,
  view: null,
  pendingRecord: null,
  focusRecord(record) {
    set({ pendingRecord: record });
  },
  async load() {
    const request = ++latestRequest;
    set({ loading: true });
    try {
      const items = await call('projects.list', {});
      if (request === latestRequest) set({ items, loading: false, error: null });
    } catch (e) {
      if (request === latestRequest) set({ loading: false, error: errorMessage(e) });
    }
  },
  setStageFilter(stage) {
    set({ stageFilter: stage });
  },
  open(id) {
    set({ openId: id, view: get().view?.id === id ? get().view : null });
  },
  close() {
    set({ openId: null, view: null });
    void get().load();
  },
  async refresh() {
    const id = get().openId;
    if (!id) return;
    try {
      const view = await call('projects.get', { id });
      if (get().openId === id) set({ view, error: null });
    } catch (e) {
      if (get().openId === id) set({ error: errorMessage(e) });
    }
  },
  show(view) {
    if (get().openId === view.id) set({ view });
  },
}));
