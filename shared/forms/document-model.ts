// Everything an export prints and the editor's read-only page shows for one document: built once from the stored
// record (by the service, or live in the editor), read by renderDocx/renderXlsx (templates/) and the UI.
import type { DocumentDefinition, DocumentStatus } from './document-definition.js';
import { checkDocument, type DocumentCheck, errorsOf, type HeaderValues } from './document-check.js';
import type { DocumentLists } from './document-data.js';
import type { FieldValues } from './field-engine.js';
import type { PrintContext } from './print-cells.js';
import type { RuleSet } from '../eligibility/rule-set-schema.js';
import { documentFacts } from '../eligibility/facts.js';
import { evaluateRuleSet, type EligibilityResult } from '../eligibility/evaluate.js';
import { formatChineseDate } from '../validation/dates.js';

/** A picture the service renders for the document (the evaluation's chart), embedded in Word and Excel. */
export interface DocumentImage {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/** How one side signed, as its signature block prints it (docs/signature-images.md §Exports). */
export interface PrintedSide {
  method: 'drawn' | 'image' | 'paper';
  signerName: string;
  signedOn: string | null;
  /** Null when there is none, or its attachment has not been downloaded to this device yet. */
  signature: DocumentImage | null;
  seal: DocumentImage | null;
}

export interface DocumentModel extends PrintContext {
  check: DocumentCheck;
  status: DocumentStatus;
  signed: boolean;
  revision: number;
  eligibility: EligibilityResult | null;
  /** The same rules judged on the 「培育前」 column (D's `baselineEligibility`); null otherwise. */
  baselineEligibility: EligibilityResult | null;
  /** Printed on every page of a file exported from a document that is not complete (7.4); null otherwise. */
  draftMark: string | null;
  images: Record<string, DocumentImage>;
  /** Each side's signature, by SignatureParty key: its images go into the signature block. */
  sides: Record<string, PrintedSide>;
  /** Printed in every page's footer beside the page numbers (issue 12: the signed version's check code). */
  footerNote: string | null;
  /** Custom properties of the Word file (shared/signatures/file-properties.ts): which document it is, and its hash once signed. */
  fileProperties: Readonly<Record<string, string>>;
  /** 「第2版 · 2026年03月10日」 in the header of every page, for definitions with `revisionInHeader`; null otherwise. */
  revisionLine: string | null;
  /** Under the title of a later revision: its reason and both sides' agreement (§5.2.4 d); null otherwise. */
  revisionNote: string | null;
}

export interface DocumentModelInput {
  def: DocumentDefinition;
  values: Record<string, unknown>;
  lists?: DocumentLists;
  header: HeaderValues;
  agency: FieldValues;
  status: DocumentStatus;
  signed?: boolean;
  revision?: number;
  /** The rule set named by the document's rule set field (resolved by the caller). */
  ruleSet?: RuleSet | null;
  images?: Record<string, DocumentImage>;
  sides?: Record<string, PrintedSide>;
  footerNote?: string | null;
  fileProperties?: Readonly<Record<string, string>>;
  /** Why this revision was made (revisions after the first). */
  revisionReason?: string | null;
}

/** The 「草稿」 line printed on every page when the document is not complete, saying why. */
export function draftMarkOf(status: DocumentStatus, check: DocumentCheck): string | null {
  const errors = errorsOf(check).length;
  if (errors > 0) return `草稿 · 尚有 ${errors} 处数据未通过检查，不能作为正式文件`;
  return status === 'draft' ? '草稿 · 尚未完成，不能作为正式文件' : null;
}

/**
 * The revision's number and date: a later revision is dated by the day both sides agreed to it, the first by the
 * document's own date. A date not filled in yet prints as a blank to fill in.
 */
export function revisionLineOf(def: DocumentDefinition, values: Record<string, unknown>, revision: number): string | null {
  if (!def.revisionInHeader) return null;
  const dateKey = revision > 1 && def.revisionAgreement ? def.revisionAgreement.dateField : def.dateField;
  const date = values[dateKey];
  return `第${revision}版 · ${typeof date === 'string' && formatChineseDate(date) ? formatChineseDate(date) : '    年  月  日'}`;
}

/** 「第2版修订原因：…；经双方协商一致：孵化器方同意人 张三，服务机构方同意人 李四，双方协商一致日期 2026年03月10日。」 */
export function revisionNoteOf(def: DocumentDefinition, values: Record<string, unknown>, revision: number, reason: string | null): string | null {
  if (revision <= 1 || !reason) return null;
  const agreement = (def.revisionAgreement?.fields ?? []).map((key) => {
    const f = def.fields.find((x) => x.key === key);
    const raw = values[key];
    const text = typeof raw === 'string' ? (f?.type === 'date' ? formatChineseDate(raw) || raw : raw) : '';
    return `${f?.label ?? key} ${text || '____'}`;
  });
  return `第${revision}版修订原因：${reason}${agreement.length > 0 ? `；经双方协商一致：${agreement.join('，')}` : ''}。`;
}

/** Checks, computes and evaluates one document: what the exports print and the panel shows. */
export function buildDocumentModel(input: DocumentModelInput): DocumentModel {
  const check = checkDocument(input.def, { values: input.values as FieldValues, lists: input.lists ?? {}, header: input.header });
  const eligibility = input.def.eligibility && input.ruleSet ? evaluateRuleSet(input.ruleSet, documentFacts(input.def, check, input.header)) : null;
  const baseline = input.def.baselineEligibility;
  const baselineEligibility = baseline && input.ruleSet ? evaluateRuleSet(input.ruleSet, documentFacts(input.def, check, input.header, baseline)) : null;
  return {
    def: input.def,
    header: input.header,
    agency: input.agency,
    check,
    status: input.status,
    signed: input.signed ?? false,
    revision: input.revision ?? 1,
    eligibility,
    baselineEligibility,
    draftMark: draftMarkOf(input.status, check),
    images: input.images ?? {},
    sides: input.sides ?? {},
    footerNote: input.footerNote ?? null,
    fileProperties: input.fileProperties ?? {},
    revisionLine: revisionLineOf(input.def, check.normalized, input.revision ?? 1),
    revisionNote: revisionNoteOf(input.def, check.normalized, input.revision ?? 1, input.revisionReason ?? null),
  };
}
