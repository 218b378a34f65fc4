// A field of a document, described once: the form, the validation and the exports all read this.

export type FieldType = 'text' | 'longtext' | 'date' | 'number' | 'integer' | 'choice' | 'yesno' | 'mobile' | 'uscc';

export interface FieldDefinition<K extends string = string> {
  key: K;
  /** The standard's own wording, verbatim: the UI label and the accessible name. */
  label: string;
  type: FieldType;
  required?: boolean;
  /** For `choice`: the options in the standard's order. */
  options?: readonly string[];
  unit?: string;
  /** For `number`: decimals kept and shown. */
  decimals?: number;
  placeholder?: string;
  maxLength?: number;
}

export type FieldValue = string | number | boolean | null;
