// What a row of the editor needs from the editor: the definition, the live check, the values shown, and how to
// render a field or computed value. Provided once by <DocumentEditor>, read by every row component.
import { createContext, useContext, type ReactNode } from 'react';
import type { DocumentDefinition } from '../../../shared/forms/document-definition.js';
import type { DocumentCheck, HeaderValues } from '../../../shared/forms/document-check.js';
import type { DocumentItem } from '../../../shared/forms/document-data.js';
import type { FieldValues } from '../../../shared/forms/field-engine.js';
import type { FieldDefinition } from '../../../shared/forms/field-definition.js';
import type { DocumentImage } from '../../../shared/forms/document-model.js';

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
  lists: Record<string, DocumentItem[]>;
  setList(listKey: string, items: DocumentItem[]): void;
  /** The message of a list item's field, if any. */
  itemIssue(listKey: string, itemId: string, fieldKey: string): string | undefined;
}

export const DocumentEditorContext = createContext<EditorContext | null>(null);

export function useEditor(): EditorContext {
  const ctx = useContext(DocumentEditorContext);
  if (!ctx) throw new Error('useEditor outside <DocumentEditor>');
  return ctx;
}

/** The DOM id of a field's input: its label's `htmlFor`, and where 完成 with errors puts the focus. */
export const fieldId = (key: string) => `doc-field-${key}`;
