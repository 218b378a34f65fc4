// The revisions of one document, oldest first: back along `revisionOf`, forward along `supersededBy` (sync.md §7).
// The comparison view picks two of them; the command line exports any of them by number.
import type { DocumentSummary } from '../domain/document-record.js';

export function revisionChain(all: readonly DocumentSummary[], id: string): DocumentSummary[] {
  const byId = new Map(all.map((d) => [d.id, d]));
  const chain: DocumentSummary[] = [];
  let back = byId.get(id);
  while (back && !chain.includes(back)) {
    chain.unshift(back);
    back = back.revisionOf ? byId.get(back.revisionOf) : undefined;
  }
  let forward = byId.get(id)?.supersededBy;
  while (forward) {
    const next = byId.get(forward.id);
    if (!next || chain.includes(next)) break;
    chain.push(next);
    forward = next.supersededBy;
  }
  return chain;
}
