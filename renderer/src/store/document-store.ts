import { create } from 'zustand';
import type { DocumentSummary } from '../../../shared/domain/document-record.js';
import type { RuleSet } from '../../../shared/eligibility/rule-set-schema.js';
import { type DocumentKind, definitionOf } from '../../../shared/forms/registry.js';
import { call, errorMessage } from '../api/client.js';

interface DocumentState {
  kind: DocumentKind;
  /** Only this incubator's documents are listed (from #/<entity>/<incubator id>), or all when null. */
  incubatorFilter: string | null;
  items: DocumentSummary[];
  loading: boolean;
  error: string | null;
  /** The document open in the editor, or null for the list. */
  openId: string | null;
  ruleSets: RuleSet[];
  ruleSetsOpen: boolean;
  show(kind: DocumentKind): void;
  setFilter(incubatorId: string | null): void;
  load(): Promise<void>;
  loadRuleSets(): Promise<void>;
  open(id: string): void;
  close(): void;
  showRuleSets(open: boolean): void;
}

/** The list's route: the kind's sync entity (`#/diagnoses/<incubator id>`), kept from before documents were generic. */
const routeOf = (kind: DocumentKind) => definitionOf(kind).entity;

function filterFromHash(kind: DocumentKind): string | null {
  const m = new RegExp(`^#/?${routeOf(kind)}/([^/?]+)`).exec(window.location.hash);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

let latestRequest = 0;

export const useDocumentStore = create<DocumentState>((set, get) => ({
  kind: 'diagnosis',
  incubatorFilter: filterFromHash('diagnosis'),
  items: [],
  loading: false,
  error: null,
  openId: null,
  ruleSets: [],
  ruleSetsOpen: false,
  show(kind) {
    if (kind !== get().kind) set({ kind, items: [], openId: null, incubatorFilter: filterFromHash(kind) });
  },
  setFilter(incubatorId) {
    const route = routeOf(get().kind);
    window.location.hash = incubatorId ? `/${route}/${encodeURIComponent(incubatorId)}` : `/${route}`;
    set({ incubatorFilter: incubatorId });
    void get().load();
  },
  async load() {
    const request = ++latestRequest;
    set({ loading: true });
    try {
      const { kind, incubatorFilter } = get();
      const items = await call('documents.list', incubatorFilter ? { kind, incubatorId: incubatorFilter } : { kind });
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

/** Opens one incubator's documents of a kind (for a button on the incubator list). */
export function openDocumentsOf(kind: DocumentKind, incubatorId: string): void {
  useDocumentStore.setState({ kind, incubatorFilter: incubatorId, openId: null });
  window.location.hash = `/${routeOf(kind)}/${encodeURIComponent(incubatorId)}`;
}

window.addEventListener('hashchange', () => {
  const { kind, incubatorFilter } = useDocumentStore.getState();
  if (!new RegExp(`^#/?${routeOf(kind)}`).test(window.location.hash)) return;
  const filter = filterFromHash(kind);
  if (filter !== incubatorFilter) {
    useDocumentStore.setState({ incubatorFilter: filter });
    void useDocumentStore.getState().load();
  }
});
