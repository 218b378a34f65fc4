// Mainland phone numbers. Carrier prefixes are deliberately not checked: such lists go stale.

export type PhoneCheck = { ok: true; normalized: string } | { ok: false; message: string };

function stripSeparators(raw: string): string {
  return raw.trim().replace(/[\s\-－—()（）]/g, '');
}

function stripCountryCode(digits: string): string {
  if (digits.startsWith('+86')) return digits.slice(3);
  if (digits.startsWith('0086')) return digits.slice(4);
  return digits;
}

/** 「手机」: 11 digits, first 1, second 3–9; spaces, dashes and +86/0086 accepted; stores the bare 11 digits. */
export function checkMobile(raw: string): PhoneCheck {
  const digits = stripCountryCode(stripSeparators(raw));
  if (digits.length === 0) return { ok: false, message: '请填写手机号码' };
  if (!/^\d+$/.test(digits)) return { ok: false, message: '手机号码只能包含数字（可带空格、短横线或 +86）' };
  if (digits.length !== 11) return { ok: false, message: `手机号码应为 11 位数字，当前为 ${digits.length} 位` };
  if (!/^1[3-9]/.test(digits)) return { ok: false, message: '手机号码应以 13–19 开头' };
  return { ok: true, normalized: digits };
}

/** 「联系电话」/「传真」: a landline with area code and optional extension, a 400/800 number, or a mobile. */
export function checkTelephone(raw: string): PhoneCheck {
  const trimmed = raw.trim();
  if (trimmed.length === 0) return { ok: false, message: '请填写电话号码' };
  const mobile = checkMobile(trimmed);
  if (mobile.ok) return mobile;
  const compact = stripCountryCode(trimmed.replace(/\s+/g, ' ').replace(/^\+86\s?|^0086\s?/, ''));
  const landline = /^(0\d{2,3})[-\s]?(\d{7,8})(?:\s*(?:-|转|ext\.?|#)\s*(\d{1,6}))?$/i.exec(compact);
  if (landline) {
    const [, area, number, ext] = landline;
    return { ok: true, normalized: `${area}-${number}${ext ? `-${ext}` : ''}` };
  }
  const service = /^([48]00)[-\s]?(\d{3})[-\s]?(\d{4})$/.exec(compact);
  if (service) return { ok: true, normalized: `${service[1]}-${service[2]}-${service[3]}` };
  return { ok: false, message: '请填写固定电话（如 0771-1234567，可带分机号）、400/800 电话或手机号码' };
}
