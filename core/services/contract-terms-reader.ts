// What the plan (附录C) reads from the incubator's contract (附录B) where one exists: its fee (技术服务报酬, in 分) and
// the end of its service period. Written to work before and after the contract kind is registered: without that
// kind, or without a contract for the incubator, it answers null and the plan's warnings simply do not apply.
// The contract's fields are found by type and the standard's wording (「技术服务报酬」, 「服务期限」), so the
// reader does not depend on the keys the contract's definition chose.
import type { DocumentDefinition } from '../../shared/forms/document-definition.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { definitionOf, isDocumentKind } from '../../shared/forms/registry.js';
import { isIsoDate } from '../../shared/validation/dates.js';
import type { Executor } from '../../db/database.js';
import { latestDocumentOf } from '../../db/repositories/document-repository.js';

export interface ContractTerms {
  contractId: string;
  /** 技术服务报酬 in 分, when the contract states it. */
  feeFen: number | null;
  /** The service period's first and last day (ISO dates), when stated. */
  serviceStart: string | null;
  serviceEnd: string | null;
}

const CONTRACT_KIND = 'contract';

function fieldKey(def: DocumentDefinition, type: string, label: RegExp): string | undefined {
  return def.fields.find((f) => f.type === type && label.test(f.label))?.key;
}

const isoDateOr = (v: FieldValue | undefined) => (typeof v === 'string' && isIsoDate(v) ? v : null);

/** The latest contract of the incubator (a signed or completed one before a draft), or null. */
export function readContractTerms(db: Executor, incubatorId: string): ContractTerms | null {
  const kind: string = CONTRACT_KIND;
  if (!isDocumentKind(kind)) return null;
  const record = latestDocumentOf(db, kind, incubatorId, 'completed') ?? latestDocumentOf(db, kind, incubatorId);
  if (!record) return null;
  const def = definitionOf(kind);
  const fee = fieldKey(def, 'money', /技术服务报酬/);
  const start = fieldKey(def, 'date', /服务期限.*(起|开始)|服务开始/);
  const end = fieldKey(def, 'date', /服务期限.*(止|截止|结束|至)|服务结束|服务截止/);
  const feeValue = fee ? record.values[fee] : null;
  return {
    contractId: record.id,
    feeFen: typeof feeValue === 'number' && Number.isSafeInteger(feeValue) ? feeValue : null,
    serviceStart: start ? isoDateOr(record.values[start]) : null,
    serviceEnd: end ? isoDateOr(record.values[end]) : null,
  };
}
