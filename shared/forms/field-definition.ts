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

// ---- Additions for the four documents (Appendix A–D): limits, conditions and computed values. ----

/** A condition on another value: of the document itself, or of the incubator's common header. */
export interface FieldCondition {
  source: 'values' | 'header';
  key: string;
  equals: FieldValue;
}

/** Optional rules a document field may carry on top of `FieldDefinition`. */
export interface FieldRules {
  /** Smallest allowed number (inclusive). */
  min?: number;
  /** Largest allowed number (inclusive): beyond it the unit is probably wrong. */
  max?: number;
  /** 「其中」: the value may not exceed this other field of the same document. */
  lessOrEqual?: string;
  /** Required only when the condition holds (e.g. 专业型 → the same-industry row). */
  requiredWhen?: FieldCondition;
  /** Shown and kept only when the condition holds (e.g. 「具体配套名称」 when 是). */
  enabledWhen?: FieldCondition;
  /** The label as printed in the document's table, when the table words it differently (e.g. with 「其中，」). */
  printedLabel?: string;
  /** A hint printed after the value in the table and shown under the input (e.g. 「如会议室、洽谈室…」). */
  hint?: string;
}

export type DocumentFieldDefinition<K extends string = string> = FieldDefinition<K> & FieldRules;

/**
 * A value the app computes, never typed: (sum of numerators) × factor ÷ denominator.
 * `percent` values are kept as fractions (0.725) and shown with one decimal (72.5%); blank when the
 * denominator is zero or missing.
 */
export interface ComputedDefinition<K extends string = string> {
  key: string;
  label: string;
  format: 'percent' | 'number';
  numerators: readonly K[];
  denominator: K;
  /** Multiplies the quotient, e.g. 1000 for 「每千平方米」. */
  factor?: number;
  /** For `number`: decimals shown. Percentages always show one. */
  decimals?: number;
  unit?: string;
}
