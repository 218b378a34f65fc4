// A fetch wrapper that loses requests (before the server sees them) or answers (after the server applied them).
export interface FlakyControl {
  online: boolean;
  /** Probability that a request never reaches the server. */
  dropRate: number;
  /** Probability that the server's answer is lost after it applied the request. */
  cutRate: number;
  random: () => number;
}

export function flakyFetch(inner: typeof fetch, control: FlakyControl): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    if (!control.online || control.random() < control.dropRate) throw new TypeError('fetch failed (dropped)');
    const res = await inner(input, init);
    if (control.random() < control.cutRate) throw new TypeError('fetch failed (answer lost)');
    return res;
  }) as typeof fetch;
}
