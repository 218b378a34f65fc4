// 「联系电话」/「传真」 on the contract as people write them on letterheads: 「（0771）1234567」, full-width digits,
// 「+86 771 1234567」 (international form, no trunk 0). Brought to the plain form that checkTelephone
// (phone.ts: landline with area code and extension, 400/800, or a mobile) already rules on.
import { toHalfWidth } from './half-width.js';
import { checkTelephone, type PhoneCheck } from './phone.js';

function toPlainTelephoneText(raw: string): string {
  return toHalfWidth(raw)
    .trim()
    .replace(/[—–]/g, '-')
    .replace(/^[(（]\s*(0\d{2,3})\s*[)）]\s*-?/, '$1-')
    .replace(/^(?:\+86|0086)[\s-]*(?:[(（]\s*0\s*[)）]\s*)?[(（]?\s*0?([1-9]\d{1,2})\s*[)）]?[\s-]+(?=\d{7,8}\b)/, '0$1-');
}

/** 「联系电话」/「传真」: checkTelephone after bringing letterhead forms (parentheses, full-width, +86 area code) to plain text. */
export function checkContractTelephone(raw: string): PhoneCheck {
  return checkTelephone(toPlainTelephoneText(raw));
}
