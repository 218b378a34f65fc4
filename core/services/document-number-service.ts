// Document numbers the app issues (the contract's 合同编号, docs/contract-numbers.md): from the pattern with this
// device's code, one above the highest ever issued in the same scope (deleted drafts and numbers pulled from other
// devices included), so two laptops offline never issue the same number and no number is ever reused.
import { AppError } from '../../shared/rpc/result.js';
import { fieldError } from '../../shared/validation/field-issue.js';
import { DEFAULT_CONTRACT_NUMBER_PATTERN, DEFAULT_MULTI_DEVICE_PATTERN, nextContractNumber, parseContractNumberPattern, preferredDeviceCode } from '../../shared/contract-terms/index.js';
import { readAgencyValues } from '../../db/repositories/agency-repository.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { fieldValuesEverIssued } from '../../db/repositories/document-repository.js';
import { clientId } from '../../db/change-recorder.js';
import { readMeta, writeMeta } from '../../db/meta-store.js';
import type { Executor } from '../../db/database.js';

const DEVICE_CODE_KEY = 'deviceCode';

/**
 * This device's two-letter code: kept once chosen. Until a sync server hands one out (chooseDeviceCode at login),
 * the code preferred by the client id, so numbers can be issued before any server was reached.
 */
export function deviceCodeOf(db: Executor): string {
  const kept = readMeta(db, DEVICE_CODE_KEY);
  if (kept) return kept;
  const code = preferredDeviceCode(clientId(db));
  writeMeta(db, DEVICE_CODE_KEY, code);
  return code;
}

/**
 * The agency's pattern (agency profile 「合同编号规则」, the default when empty) with this device's code always in it:
 * a pattern without {device} gets it right before its sequence, so a laptop joined to sync later never issues a
 * number another device holds (docs/contract-numbers.md). A pattern that fails its check (one pulled from an
 * older device, say) falls back to the default rather than blocking a new contract.
 */
export function effectiveNumberPattern(db: Executor) {
  const own = readAgencyValues(db).contractNoPattern.trim() || DEFAULT_CONTRACT_NUMBER_PATTERN;
  const withDevice = own.includes('{device}') ? own : own.replace('{seq:', '{device}{seq:');
  const parsed = parseContractNumberPattern(withDevice, { multipleDevices: true });
  if (parsed.ok) return parsed.pattern;
  const fallback = parseContractNumberPattern(DEFAULT_MULTI_DEVICE_PATTERN, { multipleDevices: true });
  if (!fallback.ok) throw new Error(fallback.message);
  return fallback.pattern;
}

/** The next number of a kind that issues numbers, dated `date` (ISO). */
export function issueDocumentNumber(db: Executor, kind: DocumentKind, date: string): string {
  const key = definitionOf(kind).numberField;
  if (!key) throw new Error(`${kind} issues no numbers`);
  const issued = fieldValuesEverIssued(db, kind, key).map((r) => r.value);
  return nextContractNumber(effectiveNumberPattern(db), { date, deviceCode: deviceCodeOf(db) }, issued);
}

/** A number typed by hand that another document of the kind holds (or held: deleted ones too) is refused. */
export function refuseDuplicateNumber(db: Executor, kind: DocumentKind, id: string | null, values: Record<string, FieldValue> | undefined): void {
  const def = definitionOf(kind);
  const key = def.numberField;
  if (!key || !values || !(key in values)) return;
  const typed = values[key];
  if (typeof typed !== 'string' || typed.trim() === '') return;
  const clash = fieldValuesEverIssued(db, kind, key).find((r) => r.id !== id && r.value === typed.trim());
  if (clash) {
    const label = def.fields.find((f) => f.key === key)?.label ?? key;
    const message = `${label}「${typed.trim()}」已被另一份${def.shortName}使用过，编号不能重复使用`;
    throw new AppError('validation', message, { field: key, issues: [fieldError(key, message)] });
  }
}
