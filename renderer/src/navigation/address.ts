// The path of an address, on its own so that the page's first script (boot.ts) can read it without the router
// (which brings every document definition along).

/** The path after '#', always starting with '/'; an empty address is 工作台. */
export function normalizePath(hash: string): string {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return '/dashboard';
  return path.startsWith('/') ? path : `/${path}`;
}
