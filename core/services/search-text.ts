import { createRequire } from 'node:module';
import type { pinyin as pinyinProFn } from 'pinyin-pro';

type PinyinFn = typeof pinyinProFn;
let pinyinFn: PinyinFn | null = null;

/**
 * pinyin-pro carries its whole dictionary (most of a megabyte of JavaScript): it is loaded on the first save
 * or demo load, not at start-up, where it cost more than the database open and migration together.
 */
function pinyin(): PinyinFn {
  pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return pinyinFn;
}

function initials(text: string): string {
  return pinyin()(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
}

function fullPinyin(text: string): string {
  return pinyin()(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
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
