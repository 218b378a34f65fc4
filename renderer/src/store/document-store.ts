// One store per document kind (its list, its filter and the document open in its editor), so each kind's
// record route (#/documents/<kind>/<id>) binds to a field of its own. The rule sets are shared by every kind
// that checks eligibility: they live in rule-set-store.ts.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { DocumentSummary } from '../../../shared/domain/document-record.js';
import { type DocumentKind, definitionOf } from '../../../shared/forms/registry.js';
import { call, errorMessage } from '../api/client.js';

export interface DocumentListState {
  /** Only this incubator's documents are listed (from #/<entity>/<incubator id>), or all when null. */
  incubatorFilter: string | null;
  items: DocumentSummary[];
  loading: boolean;
  error: string | null;
  /** The document open in the editor, or null for the list. */
  openId: string | null;
  setFilter(incubatorId: string | null): void;
  load(): Promise<void>;
  open(id: string): void;
  close(): void;
}

export type DocumentStore = UseBoundStore<StoreApi<DocumentListState>>;

/** The list's address: the kind's sync entity (`#/diagnoses/<incubator id>`), kept from before documents were generic. */
export const documentListPath = (kind: DocumentKind) => `/${definitionOf(kind).entity}`;

function filterFromHash(kind: DocumentKind): string | null {
  const m = new RegExp(`^#/?${definitionOf(kind).entity}/([^/?]+)`).exec(window.location.hash);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

function createDocumentStore(kind: DocumentKind): DocumentStore {
  let latestRequest = 0;
  const store = create<DocumentListState>((set, get) => ({
    incubatorFilter: filterFromHash(kind),
    items: [],
    loading: false,
    error: null,
    openId: null,
    setFilter(incubatorId) {
      window.location.hash = incubatorId ? `${documentListPath(kind)}/${encodeURIComponent(incubatorId)}` : documentListPath(kind);
      set({ incubatorFilter: incubatorId });
      void get().load();
    },
    async load() {
      const request = ++latestRequest;
      set({ loading: true });
      try {
        const { incubatorFilter } = get();
        const items = await call('documents.list', incubatorFilter ? { kind, incubatorId: incubatorFilter } : { kind });
        if (request === latestRequest) set({ items, loading: false, error: null });
      } catch (e) {
        if (request === latestRequest) set({ loading: false, error: errorMessage(e) });
      }
    },
    open(id) {
      set({ openId: id });
    },
    close() {
      set({ openId: null });
      void get().load();
    },
  }));
  // The filter follows the address (back button, a link to #/<entity>/<incubator id>).
  window.addEventListener('hashchange', () => {
    if (!new RegExp(`^#/?${definitionOf(kind).entity}(/|$)`).test(window.location.hash)) return;
    const filter = filterFromHash(kind);
    if (filter !== store.getState().incubatorFilter) {
      store.setState({ incubatorFilter: filter });
      void store.getState().load();
    }
  });
  return store;
}

const stores = new Map<DocumentKind, DocumentStore>();

/** The store of one document kind, made on first use. */
export function documentStore(kind: DocumentKind): DocumentStore {
  let store = stores.get(kind);
  if (!store) {
    store = createDocumentStore(kind);
    stores.set(kind, store);
  }
  return store;
}

/** Opens one incubator's documents of a kind (for a button on the incubator list). */
export function openDocumentsOf(kind: DocumentKind, incubatorId: string): void {
  documentStore(kind).setState({ incubatorFilter: incubatorId, openId: null });
  window.location.hash = `${documentListPath(kind)}/${encodeURIComponent(incubatorId)}`;
}
