// A field, described once: the form control, the validation, the stored value and the printed text all read this.
// The same vocabulary serves the documents (docs/documents.md), the incubator's common header and the agency
// profile, so there is one validation style in the whole app.

/**
 * What a field holds. Adding a type fails the typecheck until every reader handles it (field-engine.ts,
 * format-values.ts, the form control, the Word and Excel cells): the switches over it end in `assertNever`.
 * - `month`: 「XXXX年XX月」, stored 'YYYY-MM' (plan tasks of Appendix C).
 * - `money`: an amount in 元, stored as an integer number of 分 (never a float; contract of Appendix B).
 * - `telephone`: a landline, 400/800 number or mobile (「联系电话」「传真」, docs/domain-rules.md).
 * - `bankAccount`: 乙方's 「账号」: kept as typed, printed in groups of four digits (shared/validation/bank-account.ts).
 * - `ruleSet`: the id of a recognition rule set the document is checked against.
 */
export const FIELD_TYPES = [
  'text',
  'longtext',
  'date',
  'month',
  'number',
  'integer',
  'money',
  'choice',
  'yesno',
  'mobile',
  'telephone',
  'uscc',
  'bankAccount',
  'ruleSet',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type FieldValue = string | number | boolean | null;

/** A condition on another value: of the same record/document, or of the incubator's common header. */
export interface FieldCondition {
  source: 'values' | 'header';
  key: string;
  equals: FieldValue;
  /** Why the rule applies, added to its message, e.g. 「专业型孵化器必填」. */
  reason?: string;
  /** The whole message, when the rule says it better than 「请填写…」 (e.g. 「专业型孵化器必须填写所属产业领域」). */
  message?: string;
}

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
  /** Smallest allowed number (inclusive). */
  min?: number;
  /** Largest allowed number (inclusive): beyond it the unit is probably wrong. */
  max?: number;
  /** 「其中」: the value may not exceed this other field of the same record. */
  lessOrEqual?: K;
  /** Dates and months: not before this other field of the same record (运营时间 ≥ 注册时间). */
  notBefore?: K;
  /** Required only when the condition holds (e.g. 专业型 → 所属产业领域). */
  requiredWhen?: FieldCondition;
  /** Shown and counted only when the condition holds (e.g. 「具体配套名称」 when 是). Kept when it does not. */
  enabledWhen?: FieldCondition;
  /** The label as printed in the document's table, when the table words it differently (e.g. with 「其中，」). */
  printedLabel?: string;
  /** A hint printed after an empty value in the table and shown under the input (e.g. 「如会议室、洽谈室…」). */
  hint?: string;
  /**
   * For `longtext`: paragraphs and bullet lists (a line starting with 「• 」), printed in Word as paragraphs and a
   * real bulleted list. Text pasted from Word or WPS is cleaned when stored (shared/forms/rich-text.ts).
   */
  richText?: boolean;
  /** Kept with the record but never shown or printed (a list item's lineage across revisions). */
  hidden?: boolean;
}

/** Fields of a document (kept as an alias: documents and records share one vocabulary). */
export type DocumentFieldDefinition<K extends string = string> = FieldDefinition<K>;

/**
 * A value the app computes, never typed: (sum of numerators) × factor ÷ denominator.
 * `percent` values are fractions (0.725) shown with one decimal (72.5%). Blank when the denominator is zero or
 * missing, and blank when any input holds a value that failed its check (data that fails validation is never used).
 * Never rounded before it is compared: rounding is for display only.
 */
export interface ComputedDefinition<K extends string = string, C extends string = string> {
  key: C;
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

/** For exhaustive switches: a new union member fails the typecheck here until it is handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

export function isNumberType(type: FieldType): type is 'number' | 'integer' | 'money' {
  return type === 'number' || type === 'integer' || type === 'money';
}

/** Field types whose stored value is text (empty text, not null, when blank). */
export function isTextType(type: FieldType): boolean {
  switch (type) {
    case 'text':
    case 'longtext':
    case 'mobile':
    case 'telephone':
    case 'uscc':
    case 'bankAccount':
      return true;
    case 'date':
    case 'month':
    case 'number':
    case 'integer':
    case 'money':
    case 'choice':
    case 'yesno':
    case 'ruleSet':
      return false;
    default:
      return assertNever(type);
  }
}
