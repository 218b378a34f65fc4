// What a row of the editor needs from the editor: the definition, the live check, the values shown, and how to
// render a field or computed value. Provided once by <DocumentEditor>, read by every row component.
import { createContext, useContext, type ReactNode } from 'react';
import type { DocumentDefinition } from '../../../shared/forms/document-definition.js';
import type { DocumentCheck, HeaderValues } from '../../../shared/forms/document-check.js';
import type { DocumentItem } from '../../../shared/forms/document-data.js';
import type { FieldValues } from '../../../shared/forms/field-engine.js';
import type { FieldDefinition } from '../../../shared/forms/field-definition.js';
import type { DocumentImage } from '../../../shared/forms/document-model.js';
import type { FieldIssue } from '../../../shared/validation/field-issue.js';

export interface EditorContext {
  def: DocumentDefinition;
  check: DocumentCheck;
  header: HeaderValues;
  agency: FieldValues;
  readOnly: boolean;
  images: Record<string, DocumentImage>;
  /** A field's form item (label, control, message); `span` of 24 columns; `control` replaces the default input. */
  /** `more.label` shows instead of the label (its accessible name must stay the field's label); `more.extra` under it. */
  field(f: FieldDefinition, span?: number, control?: ReactNode, more?: { label?: ReactNode; extra?: ReactNode }): ReactNode;
  /** The values as stored (with where prefilled values came from, prefill.ts). */
  stored: Readonly<Record<string, unknown>>;
  /** A computed value, read-only, with why it is blank. */
  computed(key: string, span?: number, label?: ReactNode): ReactNode;
  /** Saves at once (a radio or a choice changed). */
  saveNow(): void;
  /** The message shown for a field now (after it was touched or 完成 was tried), if any. */
  issue(key: string): FieldIssue | undefined;
  /** A field lost the focus: its message may show, and the draft saves. */
  blur(key: string): void;
  lists: Record<string, DocumentItem[]>;
  setList(listKey: string, items: DocumentItem[]): void;
  /** The problem of a list item's field, if any is to be shown (errors of an empty field once completing was tried). */
  itemIssue(listKey: string, itemId: string, fieldKey: string): FieldIssue | undefined;
  /** The problem of a list as a whole (too few items, the budget above the fee), if any. */
  listIssue(listKey: string): FieldIssue | undefined;
}

export const DocumentEditorContext = createContext<EditorContext | null>(null);

export function useEditor(): EditorContext {
  const ctx = useContext(DocumentEditorContext);
  if (!ctx) throw new Error('useEditor outside <DocumentEditor>');
  return ctx;
}

/** The DOM id of a field's input: its label's `htmlFor`, and where 完成 with errors puts the focus. */
export const fieldId = (key: string) => `doc-field-${key}`;

/** The DOM id of a list item's input (`lists.<list>.<item>.<field>`, as its issues are named). */
export const itemFieldId = (listKey: string, itemId: string, fieldKey: string) => `doc-item-${listKey}-${itemId}-${fieldKey}`;

/** The DOM id of a section's card: the list of problems links to it. */
export const sectionId = (key: string) => `doc-section-${key}`;
