// A document of the standard (Appendix A; B, C, D next), described once. Everything that differs between documents
// is here; everything else — storage, the RPC methods, the editor, the Word and Excel layouts, sync — is written
// once and takes a definition (docs/documents.md). `checkDefinition` (check-definition.ts) proves a definition is
// whole: each field placed exactly once, computed inputs exist, labels unique.
import type { ComputedDefinition, FieldDefinition, FieldValue } from './field-definition.js';
import type { LayoutRow } from './layout.js';
import type { CheckedItem, SnapshotSource } from './document-data.js';
import type { FieldValues } from './field-engine.js';

import type { FieldIssue } from '../validation/field-issue.js';
import type { EligibilityBinding } from '../eligibility/quantity-binding.js';
import type { PrefillBinding } from './prefill.js';

/**
 * A picture of the document drawn from its data (D's before/after charts), printed on a page of its own after the
 * table. `image` names its chart in shared/forms/figure-charts.ts: an ECharts option the app draws in the browser
 * and the exports render to PNG (templates/charts).
 */
export interface DocumentFigure {
  image: string;
  caption: string;
}

export const DOCUMENT_STATUSES = ['draft', 'completed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
/** What a document's state is called on screen and in lists; 'signed' is a completed document with a signature. */
export type StatusWording = Record<DocumentStatus | 'signed', string>;

export interface DocumentSection<K extends string = string, C extends string = string> {
  key: string;
  /** A short heading for the form and the Excel sheet; the standard's table itself has none. */
  title: string;
  rows: readonly LayoutRow<K, C>[];
  /**
   * How the section prints in Word: as rows of the document's table (the forms A, C, D), or as running paragraphs
   * (the contract's articles, Appendix B), or as the cover page (Appendix B): a document with a cover prints it
   * alone on the first page and reads as running text, not as 「表X」 (no table number, no continuation caption).
   */
  print?: 'table' | 'flow' | 'cover';
}

/**
 * A repeating list (sync.md §1: items are rows with their own UUIDs and order keys, never a JSON array): the
 * contract's instalments and numbered lists, the plan's tasks and budget lines.
 */
export interface ListDefinition<L extends string = string, I extends string = string> {
  key: L;
  /** The list's label, e.g. 「提供资料」, 「阶段性任务目标」. */
  label: string;
  /** What one item is called, e.g. 「任务」: buttons say 「添加任务」. */
  itemLabel: string;
  fields: readonly FieldDefinition<I>[];
  /** How items are numbered when printed: (1) (2) … ; 1. 2. … ; 「任务1」 … ; not at all. */
  numbering: 'parenthesized' | 'dotted' | 'item' | 'none';
  minItems?: number;
  maxItems?: number;
  /** A total row under the items, e.g. the budget's 「合计」 over its amount field. */
  total?: { field: I; label: string };
  /** The label as printed in running text ('' prints none: the clause before the list says it). */
  printedLabel?: string;
  /** The first item's number (第九条 starts at 2: 1 is 「发生不可抗力」, printed by the clause). */
  startAt?: number;
  /** Numbered blank lines printed when the list is empty, to be filled in by hand (default 1). */
  blankItems?: number;
  /**
   * One item as running text: the clause syntax over the item's fields (`{amount}`, `{amount|capital}`).
   * Without it an item prints its values joined by 「，」.
   */
  itemText?: string;
  /**
   * The item's number carries one of its fields, e.g. 「任务1：2025年06月前」 (`suffix` 「前」; an empty value prints
   * `placeholder`, 「XXXX年XX月」). That field is then printed in the number, not in a column of its own.
   */
  numberWith?: { field: I; suffix: string; placeholder: string };
  /** The fields printed as columns, in order (default: every field not hidden), and their relative widths. */
  printFields?: readonly I[];
  printWeights?: readonly number[];
  /**
   * What is recorded per item while the signed document is carried out (the plan's §5.2.5: each task's status,
   * progress notes, date done). Kept outside the document and its items (`document_item_progress`), so the
   * signature and the signed-row guard do not cover it: it is recorded on the signed document itself.
   */
  progress?: ItemProgressDefinition;
}

/** An item's implementation record (docs/documents.md §Progress on a signed document). */
export interface ItemProgressDefinition {
  /** The panel's title, e.g. 「实施进度」. */
  title: string;
  fields: readonly FieldDefinition[];
  /** Rules between the progress fields (already done without a date …); issues name the progress field's key. */
  check?: (values: FieldValues, ctx: { today: string }) => FieldIssue[];
}

/** What a definition's `prefill` reads when a document is made: the records it starts from. */
export interface PrefillSources {
  incubator: FieldValues;
  agency: FieldValues;
  /** The incubator's latest Appendix A diagnosis's values, when it has one. */
  diagnosis: FieldValues | null;
  /** Today (ISO) on this machine's calendar. */
  today: string;
}

/** A new document's starting values and list items (each item's values; ids are made on save). */
export interface Prefill {
  values: Record<string, FieldValue>;
  lists?: Record<string, Record<string, FieldValue>[]>;
}

/**
 * A change after signing needs both sides' agreement (§5.2.4 d): who agreed for each side and when. A revision is
 * refused without them; they are stored in the new revision's own fields (placed in its meta rows).
 */
export interface RevisionAgreement<K extends string = string> {
  /** The fields a revision must fill, e.g. the incubator's and the agency's representative and the date agreed. */
  fields: readonly K[];
  /** The date the revision was agreed: printed with the revision number in the header of every page. */
  dateField: K;
}

/** Parts that should add up to a whole. A mismatch is a warning the user can see and keep, not an error. */
export interface SumCheck<K extends string = string> {
  parts: readonly K[];
  total: K;
}

/** A rule between fields and lists that the declarative rules cannot say (instalments add up to the fee). */
export type CrossCheck = (input: {
  values: FieldValues;
  numbers: Record<string, number | null>;
  invalid: ReadonlySet<string>;
  lists: Record<string, CheckedItem[]>;
  header: FieldValues;
}) => FieldIssue[];

/**
 * Text of a signature block line may name values: `{agency.name}`, `{header.name}`, `{values.consultants}` (a date
 * field prints 「XXXX年XX月XX日」). An empty value prints as a blank to fill in by hand.
 */
export type SignatureLine =
  | { kind: 'text'; text: string }
  /** 「（盖章）」 with room for the seal. */
  | { kind: 'seal' }
  /** 「…（签字）：」 and a line to sign on; an image of the signature (issue 12) goes here. */
  | { kind: 'signature'; label: string; value?: string; suffix?: string }
  /**
   * 「日期：」 and the date, or 「    年  月  日」 to fill in by hand (an empty label prints the date alone); `month`:
   * the standard asks for 「XXXX年XX月」 only (the plan's 签章).
   */
  | { kind: 'date'; label: string; value?: string; month?: boolean };

export interface SignatureParty {
  /** Which side signs: a signature image (issue 12) is attached per party key. */
  key: string;
  /** The side's name in the signing dialog and the audit log, e.g. 「甲方（孵化器）」. */
  label: string;
  lines: readonly SignatureLine[];
}

export interface DocumentDefinition<K extends string = string, C extends string = string> {
  /** The document kind: the RPC methods' `kind`, the registry key. */
  kind: string;
  /** The sync entity and local table (`diagnoses` kept its name so no server data moved). */
  entity: string;
  /** The title printed above the table, e.g. 「科技企业孵化器培育诊断意见表」. */
  title: string;
  /** The standard's table number, e.g. 「表A.1」. */
  tableNumber: string;
  /** What people call it in lists and menus, e.g. 「诊断意见表」. */
  shortName: string;
  fields: readonly FieldDefinition<K>[];
  computed: readonly ComputedDefinition<K, C>[];
  lists: readonly ListDefinition[];
  /** The records copied into the document when it is completed; `header`/`agency` refs read the copy. */
  snapshots: readonly SnapshotSource[];
  /** The editor's 「…信息」 card (date, consultants, rule set): ordinary fields, printed by the signature block. */
  metaTitle: string;
  metaRows: readonly LayoutRow<K, C>[];
  /** The common header at the top of the table. */
  headerRows: readonly LayoutRow<K, C>[];
  sections: readonly DocumentSection<K, C>[];
  sumChecks: readonly SumCheck<K>[];
  crossChecks: readonly CrossCheck[];
  /** Printed under the table, verbatim. */
  footnotes: readonly string[];
  signature: readonly SignatureParty[];
  /**
   * The exported file's name without extension: `{incubator}` (the incubator's name), `{shortName}`, `{date}`
   * (the date field as 「XXXX年XX月XX日」), `{revision}` (「第N版」, empty for the first), `{values.<key>}`.
   */
  fileName: string;
  /** The field that dates the document: lists sort by it, the file name prints it. */
  dateField: K;
  /** Fields shown as columns of the document list (besides incubator, date, status and revision). */
  listFields: readonly K[];
  /** Fields a new document takes from the incubator's previous document of this kind (agencies keep a rule set). */
  carryOver: readonly K[];
  statusWording: StatusWording;
  /** Checked against recognition rule sets (A, D): how each quantity is read from this document. */
  eligibility?: EligibilityBinding<K, C>;
  /** Values and list items a new document starts with, from the incubator, the agency and the latest diagnosis. */
  prefill?: (sources: PrefillSources) => Prefill;
  /**
   * A number the app issues when the document is made (the contract's 合同编号): unique among the kind's documents,
   * deleted ones included, never reused (docs/contract-numbers.md).
   */
  numberField?: K;
  /** Revisions need both sides' agreement (the plan, §5.2.4 d). */
  revisionAgreement?: RevisionAgreement<K>;
  /** The revision's number and date in the header of every page of the Word file (the plan). */
  revisionInHeader?: boolean;
  /** A heading printed over the signature block, e.g. the plan's 「七、签章」. */
  signatureHeading?: string;
  /** The same quantities read from the 「培育前」 column (D): the rules met before; `eligibility` reads 「培育后」. */
  baselineEligibility?: EligibilityBinding<K, C>;
  /** Fields a new document takes from the incubator's latest document of another kind (D's 培育前 from A). */
  prefillFrom?: PrefillBinding<K>;
  /** Pictures drawn from the data, after the table (Word: on their own page; Excel: a sheet of their own). */
  figures?: readonly DocumentFigure[];
}

/** Every layout row of a definition, meta and header first. */
export function allRows(def: DocumentDefinition): LayoutRow[] {
  return [...def.metaRows, ...def.headerRows, ...def.sections.flatMap((s) => s.rows)];
}

export function findField(def: DocumentDefinition, key: string): FieldDefinition | undefined {
  return def.fields.find((f) => f.key === key);
}

export function findComputed(def: DocumentDefinition, key: string): ComputedDefinition | undefined {
  return def.computed.find((c) => c.key === key);
}

export function findList(def: DocumentDefinition, key: string): ListDefinition | undefined {
  return def.lists.find((l) => l.key === key);
}
