// The exported file's name from the definition's pattern (document-definition.ts `fileName`): Chinese, and safe on
// Windows, macOS and Linux.
import type { DocumentDefinition } from './document-definition.js';
import type { FieldValues } from './field-engine.js';
import { formatChineseDate } from '../validation/dates.js';

/** Removes what no file system accepts (\ / : * ? " < > | and control characters); keeps the Chinese. */
export function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 120) || fallback;
}

export function documentFileName(
  def: DocumentDefinition,
  doc: { header: FieldValues; values: FieldValues; revision: number },
  extension: string,
): string {
  const name = typeof doc.header.name === 'string' && doc.header.name.trim() ? doc.header.name.trim() : '孵化器';
  const date = doc.values[def.dateField];
  const stem = def.fileName.replace(/\{([A-Za-z.]+)\}/g, (_m, token: string) => {
    if (token === 'incubator') return name;
    if (token === 'shortName') return def.shortName;
    if (token === 'date') return typeof date === 'string' && date ? formatChineseDate(date) || date : '未填日期';
    if (token === 'revision') return doc.revision > 1 ? `-第${doc.revision}版` : '';
    if (token.startsWith('values.')) return String(doc.values[token.slice('values.'.length)] ?? '');
    return '';
  });
  return `${safeFileName(stem, def.shortName)}.${extension}`;
}
