// How a document definition supplies each quantity of the catalog from its own fields. Keys are typed against the
// definition's field (K) and computed (C) keys, so renaming a field fails the typecheck of every binding that
// reads it.
import type { QuantityKey } from './quantity-catalog.js';

/**
 * - `field`: a number field; `yes`: a yes/no field.
 * - `computed`: a computed value; percent values are fractions, compared as percentages (0.7 → 70), unrounded.
 * - `per10`: `field` × 10 ÷ `of` (「每 10 家在孵企业配备…」).
 * - `share`: `field` ÷ `of` as a percentage, for a document that records the count but prints no share (D's 7.4).
 * - `allYes`: every yes/no field says 是 (D's eight 管理制度 for 「建立完善的运营管理制度」).
 * - `operatingYears`: whole years from the header's 「运营时间」 to the document's date.
 * - `registeredInGuangxi`: the header's 统一社会信用代码 has a Guangxi division code (45…).
 */
export type QuantitySource<K extends string, C extends string> =
  | { from: 'field'; field: K }
  | { from: 'yes'; field: K }
  | { from: 'computed'; computed: C }
  | { from: 'per10'; field: K; of: K }
  | { from: 'share'; field: K; of: K }
  | { from: 'allYes'; fields: readonly K[] }
  | { from: 'operatingYears' }
  | { from: 'registeredInGuangxi' };

export interface EligibilityBinding<K extends string = string, C extends string = string> {
  /** The field holding the rule set id the document is checked against. */
  ruleSetField: K;
  /** The field holding the date the facts describe (operating years are counted up to it). */
  asOfField: K;
  /** A text field the gaps can be written into (「诊断总结」). */
  gapsField?: K;
  quantities: { readonly [Q in QuantityKey]?: QuantitySource<K, C> };
}
