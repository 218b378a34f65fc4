import { pinyin } from 'pinyin-pro';

function initials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
}

function fullPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
}

/**
 * What incubator search matches: name, 信用代码, 运营机构, and the pinyin initials and full pinyin of the
 * names, so 「nnkc」 or 「nanning」 finds 南宁科创…. Stored lower-case; queries are lower-cased too.
 */
export function incubatorSearchText(values: { name: string; operator: string; creditCode: string }): string {
  return [
    values.name,
    values.operator,
    values.creditCode,
    initials(values.name),
    initials(values.operator),
    fullPinyin(values.name),
    fullPinyin(values.operator),
  ]
    .join('\n')
    .toLowerCase();
}
