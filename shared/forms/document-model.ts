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

/** A picture the service renders for the document (the evaluation's chart), embedded in Word and Excel. */
export interface DocumentImage {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
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
  /** Printed in every page's footer beside the page numbers (issue 12: the signed version's check code). */
  footerNote: string | null;
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
  footerNote?: string | null;
}

/** The 「草稿」 line printed on every page when the document is not complete, saying why. */
export function draftMarkOf(status: DocumentStatus, check: DocumentCheck): string | null {
  const errors = errorsOf(check).length;
  if (errors > 0) return `草稿 · 尚有 ${errors} 处数据未通过检查，不能作为正式文件`;
  return status === 'draft' ? '草稿 · 尚未完成，不能作为正式文件' : null;
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
    footerNote: input.footerNote ?? null,
  };
}
