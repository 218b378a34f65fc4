// Which fields of the incubator header and the agency profile a document actually shows or reads: a change to one
// of them is what makes a draft say 「孵化器档案已修改」 (7.3); a change to a field it never reads is not news.
import type { DocumentDefinition } from './document-definition.js';
import { allRows } from './document-definition.js';
import type { SnapshotSource } from './document-data.js';
import { rowSnapshotRefs } from './layout.js';
import { snapshotOf, SNAPSHOT_FIELDS } from './snapshot-fields.js';
import type { FieldValues } from './field-engine.js';
import type { FieldValue } from './field-definition.js';

const cache = new WeakMap<DocumentDefinition, Record<SnapshotSource, string[]>>();

export function referencedSnapshotKeys(def: DocumentDefinition, source: SnapshotSource): string[] {
  let found = cache.get(def);
  if (!found) {
    const keys: Record<SnapshotSource, Set<string>> = { incubator: new Set(), agency: new Set() };
    for (const r of allRows(def).flatMap(rowSnapshotRefs)) {
      const s = snapshotOf(r.source);
      if (s) keys[s].add(r.key);
    }
    const texts = def.signature.flatMap((p) => p.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : l.kind === 'seal' ? [] : [l.label, l.value ?? ''])));
    for (const t of texts) {
      for (const m of t.matchAll(/\{(header|agency)\.([A-Za-z][A-Za-z0-9]*)\}/g)) keys[m[1] === 'header' ? 'incubator' : 'agency'].add(m[2]!);
    }
    for (const f of [...def.fields, ...def.lists.flatMap((l) => l.fields)]) {
      for (const c of [f.enabledWhen, f.requiredWhen]) if (c?.source === 'header') keys.incubator.add(c.key);
    }
    for (const q of Object.values(def.eligibility?.quantities ?? {})) {
      if (q?.from === 'operatingYears') keys.incubator.add('operatingSince');
      if (q?.from === 'registeredInGuangxi') keys.incubator.add('creditCode');
    }
    if (def.eligibility) keys.incubator.add('incubatorType');
    found = { incubator: [...keys.incubator], agency: [...keys.agency] };
    cache.set(def, found);
  }
  return found[source];
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return (a ?? null) === (b ?? null) || ((a ?? '') === '' && (b ?? '') === '');
}

/** Labels of the referenced fields whose live value differs from the document's copy, in field order. */
export function changedSnapshotLabels(def: DocumentDefinition, source: SnapshotSource, copy: FieldValues, live: FieldValues): string[] {
  const keys = new Set(referencedSnapshotKeys(def, source));
  return SNAPSHOT_FIELDS[source].filter((f) => keys.has(f.key) && !same(copy[f.key], live[f.key])).map((f) => f.label);
}
