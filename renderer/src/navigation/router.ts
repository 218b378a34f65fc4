// The address says where the user is (docs/ui.md, "Routes"). Hash routing, because the Electron window loads
// the renderer from file://, where only the part after '#' is ours to change.
//
// The hash is the single source of truth for which page is shown; a record route ties one store field (the id
// of the record its page has open) to an address like #/incubators/<id>, in both directions:
//   address → store: opening #/incubators/<id> (typed, reloaded, back button) sets the field;
//   store → address: a page that sets the field (the user opened a record) pushes the address, and clearing it
//   (the record was closed) goes back to where the user came from.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { normalizePath } from './address.js';
import { DOCUMENT_KINDS, type DocumentKind, definitionOf, isDocumentKind } from '../../../shared/forms/registry.js';

/** Pages with an address of their own, `#/<key>`. */
export const FIXED_PAGES = ['dashboard', 'incubators', 'projects', 'agency', 'verify', 'settings'] as const;
/** A page: a fixed one, or the list of one document kind (at `#/<its sync entity>`, e.g. #/diagnoses). */
export type Page = (typeof FIXED_PAGES)[number] | DocumentKind;

/** The address of a page. */
export function pagePath(page: Page): string {
  return isDocumentKind(page) ? `/${definitionOf(page).entity}` : `/${page}`;
}

export interface RouteState {
  /** The path after '#', always starting with '/'. */
  path: string;
  page: Page;
}

interface RecordRoute {
  /** The path before the id, e.g. '/incubators/'. */
  prefix: string;
  page: Page;
  /** Where closing the record goes when there is no earlier entry of ours to go back to. */
  parent: string;
  read(): string | null;
  write(id: string | null): void;
}

/** A change of address that would close something with unsaved edits asks first; false keeps the user there. */
export type LeaveGuard = () => Promise<boolean>;

/** What our own pushes put in history.state: the path they were pushed from, so closing can go back there. */
interface PushedState {
  wbFrom: string;
}

const routes: RecordRoute[] = [];
let leaveGuard: LeaveGuard | null = null;
/** Set while the address is being applied to the stores, so their changes do not echo back into the address. */
let applying = false;


function idIn(route: RecordRoute, path: string): string | null {
  if (!path.startsWith(route.prefix)) return null;
  const rest = path.slice(route.prefix.length).split(/[/?]/)[0] ?? '';
  return rest === '' ? null : decodeURIComponent(rest);
}

export function pageOf(path: string): Page {
  for (const r of routes) if (idIn(r, path) !== null) return r.page;
  const first = path.split(/[/?]/)[1] ?? '';
  return FIXED_PAGES.find((p) => p === first) ?? DOCUMENT_KINDS.find((k) => definitionOf(k).entity === first) ?? 'dashboard';
}

export const useRoute = create<RouteState>(() => {
  const path = normalizePath(window.location.hash);
  return { path, page: pageOf(path) };
});

function apply(path: string): void {
  applying = true;
  try {
    for (const r of routes) {
      const id = idIn(r, path);
      if (r.read() !== id) r.write(id);
    }
    useRoute.setState({ path, page: pageOf(path) });
  } finally {
    applying = false;
  }
}

function go(path: string, replace: boolean): void {
  const from = useRoute.getState().path;
  if (path === from) return;
  if (replace) window.history.replaceState(window.history.state, '', `#${path}`);
  else window.history.pushState({ wbFrom: from } satisfies PushedState, '', `#${path}`);
  apply(path);
}

/**
 * Goes to a path (a new history entry, or replacing the current one). With unsaved edits open, the leave
 * guard asks first and the address stays when the user keeps editing.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const guard = leaveGuard;
  if (!guard || path === useRoute.getState().path) return go(path, options.replace ?? false);
  void guard().then((leave) => {
    if (!leave) return;
    leaveGuard = null;
    go(path, options.replace ?? false);
  });
}

export function goTo(page: Page): void {
  navigate(pagePath(page));
}

function pushedFrom(state: unknown): string | null {
  return typeof state === 'object' && state !== null && typeof (state as Partial<PushedState>).wbFrom === 'string'
    ? (state as PushedState).wbFrom
    : null;
}

/** A record was closed in its store: back to the entry it was opened from, or to its list. */
function leaveRecord(route: RecordRoute): void {
  // Whatever guarded the record's unsaved edits has been answered by closing it.
  leaveGuard = null;
  const from = pushedFrom(window.history.state);
  // Back to the page the record was opened from; never back into another record of the same kind (e.g. the
  // discarded form of a new incubator whose duplicate code linked here). A record of another kind is where the user
  // was: a profile opened from a project goes back to the project.
  if (from === null || idIn(route, from) !== null) return go(route.parent, true);
  // Take the earlier address now: history.back() lands later, and until then further store changes must
  // not see the record's address and go back a second time.
  apply(from);
  window.history.back();
}

/**
 * Ties a store field holding the open record's id (or null) to the address `<prefix><id>`. One line per
 * record route, e.g. `bindRecordRoute('/incubators/', 'incubators', useIncubatorStore, 'editing')`.
 */
export function bindRecordRoute<S extends object, K extends IdField<S>>(
  prefix: `/${string}/`,
  page: Page,
  store: UseBoundStore<StoreApi<S>>,
  field: K,
  parent: string = pagePath(page),
): void {
  const route: RecordRoute = {
    prefix,
    page,
    parent,
    read: () => store.getState()[field] as string | null,
    write: (id) => store.setState({ [field]: id } as Partial<S>),
  };
  routes.push(route);
  // The address may already name a record of this route (a reload on #/incubators/<id>).
  const shown = idIn(route, useRoute.getState().path);
  if (shown !== null) {
    route.write(shown);
    useRoute.setState({ page });
  }
  store.subscribe(() => {
    if (applying) return;
    const id = route.read();
    const path = useRoute.getState().path;
    if (id === idIn(route, path)) return;
    if (id !== null) go(`${prefix}${encodeURIComponent(id)}`, false);
    else leaveRecord(route);
  });
}

/** Keys of S whose value is a record id or null. */
export type IdField<S> = { [K in keyof S]: S[K] extends string | null ? (null extends S[K] ? K : never) : never }[keyof S];

/** While set, a change of address (back button, a link) asks this first. Returns the function that removes it. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

async function onAddressChanged(): Promise<void> {
  const target = normalizePath(window.location.hash);
  const current = useRoute.getState().path;
  if (target === current) return;
  if (leaveGuard) {
    const guard = leaveGuard;
    // Show the address of what is still open while the user decides.
    window.history.pushState({ wbFrom: target } satisfies PushedState, '', `#${current}`);
    if (!(await guard())) return;
    leaveGuard = null;
    window.history.replaceState(null, '', `#${target}`);
  }
  apply(target);
}

/** Starts following the address (back/forward buttons, links, typed addresses). Call once at start-up. */
export function startRouter(): void {
  // The address always names the page, also on the first screen (an empty hash is the dashboard).
  const path = useRoute.getState().path;
  if (window.location.hash !== `#${path}`) window.history.replaceState(window.history.state, '', `#${path}`);
  window.addEventListener('hashchange', () => void onAddressChanged());
  window.addEventListener('popstate', () => void onAddressChanged());
}

/** For tests: forget the routes and guards of an earlier test. */
export function resetRouterForTests(): void {
  routes.length = 0;
  leaveGuard = null;
  useRoute.setState({ path: normalizePath(window.location.hash), page: pageOf(normalizePath(window.location.hash)) });
}
