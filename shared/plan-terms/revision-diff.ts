// Side by side: what changed between two revisions of a plan (§5.2.4 d: a change needs both sides' agreement, so
// both must see exactly what they agree to). Sections compare line by line (paragraphs and bullets), a changed
// line also character by character (Chinese has no spaces to split words on); tasks and budget lines compare as
// keyed items, field by field. The diff algorithm is the `diff` package's (Myers), not ours.
import { diffArrays, diffChars } from 'diff';
import { splitLines } from './plan-text.js';

export type ChangeStatus = 'same' | 'added' | 'removed' | 'changed';

export interface RevisionSection {
  key: string;
  title: string;
  text: string;
}

/** A task or a budget line: a stable key and its fields as display text (amounts already formatted). */
export interface KeyedItem {
  key: string;
  fields: Readonly<Record<string, string>>;
}

export interface PlanRevisionContent {
  sections: readonly RevisionSection[];
  tasks: readonly KeyedItem[];
  budget: readonly KeyedItem[];
}

/** A piece of a changed line: `changed` marks the characters that differ on this side. */
export interface InlineSpan {
  text: string;
  changed: boolean;
}

export interface LineRow {
  status: ChangeStatus;
  left: string | null;
  right: string | null;
  /** For 'changed' rows: both sides split into same/changed spans. */
  inline?: { left: InlineSpan[]; right: InlineSpan[] };
}

export interface SectionDiff {
  key: string;
  title: string;
  status: ChangeStatus;
  rows: LineRow[];
}

export interface FieldChange {
  name: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

export interface ItemDiff {
  key: string;
  status: ChangeStatus;
  /** Its place (from 0) in each revision; null where it is absent. */
  position: { before: number | null; after: number | null };
  /** Moved to another place in the list (its fields may or may not have changed as well). */
  moved: boolean;
  fields: FieldChange[];
}

export interface RevisionDiff {
  sections: SectionDiff[];
  tasks: ItemDiff[];
  budget: ItemDiff[];
  /** Nothing differs at all. */
  identical: boolean;
}

function inlineSpans(left: string, right: string): { left: InlineSpan[]; right: InlineSpan[] } {
  const out = { left: [] as InlineSpan[], right: [] as InlineSpan[] };
  for (const part of diffChars(left, right)) {
    if (!part.added) out.left.push({ text: part.value, changed: part.removed });
    if (!part.removed) out.right.push({ text: part.value, changed: part.added });
  }
  return out;
}

/** Line rows, a removed run facing the added run that replaced it. */
export function diffTextLines(before: string, after: string): LineRow[] {
  const rows: LineRow[] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    const n = Math.max(removed.length, added.length);
    for (let i = 0; i < n; i++) {
      const l = removed[i] ?? null;
      const r = added[i] ?? null;
      if (l !== null && r !== null) rows.push({ status: 'changed', left: l, right: r, inline: inlineSpans(l, r) });
      else rows.push({ status: l === null ? 'added' : 'removed', left: l, right: r });
    }
    removed = [];
  };
  for (const part of diffArrays(splitLines(before), splitLines(after))) {
    if (part.removed) {
      removed.push(...part.value);
    } else if (part.added) {
      flush(part.value);
    } else {
      flush([]);
      for (const line of part.value) rows.push({ status: 'same', left: line, right: line });
    }
  }
  flush([]);
  return rows;
}

function sectionStatus(rows: LineRow[], inBefore: boolean, inAfter: boolean): ChangeStatus {
  if (!inBefore) return 'added';
  if (!inAfter) return 'removed';
  return rows.every((r) => r.status === 'same') ? 'same' : 'changed';
}

function diffSections(before: readonly RevisionSection[], after: readonly RevisionSection[]): SectionDiff[] {
  const old = new Map(before.map((s) => [s.key, s]));
  const now = new Set(after.map((s) => s.key));
  const result = after.map((s) => {
    const b = old.get(s.key);
    const rows = diffTextLines(b?.text ?? '', s.text);
    return { key: s.key, title: s.title, status: sectionStatus(rows, b !== undefined, true), rows };
  });
  for (const s of before) {
    if (!now.has(s.key)) result.push({ key: s.key, title: s.title, status: 'removed', rows: diffTextLines(s.text, '') });
  }
  return result;
}

function fieldChanges(before: KeyedItem | undefined, after: KeyedItem | undefined): FieldChange[] {
  const names = [...new Set([...Object.keys(before?.fields ?? {}), ...Object.keys(after?.fields ?? {})])];
  return names.map((name) => {
    const b = before?.fields[name] ?? null;
    const a = after?.fields[name] ?? null;
    return { name, before: b, after: a, changed: b !== a };
  });
}

/** Keyed items in the order of the later revision; a removed item stands where it stood before. */
export function diffKeyedItems(before: readonly KeyedItem[], after: readonly KeyedItem[]): ItemDiff[] {
  const oldAt = new Map(before.map((item, i) => [item.key, i]));
  const newAt = new Map(after.map((item, i) => [item.key, i]));
  const result: ItemDiff[] = [];
  // The key sequences' diff finds what was inserted or dropped; a key on both sides but off the common
  // subsequence was moved.
  for (const part of diffArrays(before.map((x) => x.key), after.map((x) => x.key))) {
    for (const key of part.value) {
      const b = oldAt.get(key);
      const a = newAt.get(key);
      if (part.removed && a !== undefined) continue; // moved: reported at its new place
      const fields = fieldChanges(b === undefined ? undefined : before[b], a === undefined ? undefined : after[a]);
      const status: ChangeStatus = b === undefined ? 'added' : a === undefined ? 'removed' : fields.some((f) => f.changed) ? 'changed' : 'same';
      result.push({ key, status, position: { before: b ?? null, after: a ?? null }, moved: part.added === true && b !== undefined, fields });
    }
  }
  return result;
}

export function diffPlanRevisions(before: PlanRevisionContent, after: PlanRevisionContent): RevisionDiff {
  const sections = diffSections(before.sections, after.sections);
  const tasks = diffKeyedItems(before.tasks, after.tasks);
  const budget = diffKeyedItems(before.budget, after.budget);
  const identical = sections.every((s) => s.status === 'same') && [...tasks, ...budget].every((i) => i.status === 'same' && !i.moved);
  return { sections, tasks, budget, identical };
}
