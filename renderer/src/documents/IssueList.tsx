// What still blocks completing a document, listed once completing was tried: each problem a link to its place
// (the section's field, a list item's field, the list), so an empty required section of a long document is one
// click away. Written for every kind; the plan's twenty-odd sections are why it exists.
import { Alert, Button } from 'antd';
import type { DocumentDefinition } from '../../../shared/forms/document-definition.js';
import type { DocumentItem } from '../../../shared/forms/document-data.js';
import { rowFieldKeys } from '../../../shared/forms/layout.js';
import type { FieldIssue } from '../../../shared/validation/field-issue.js';
import { fieldId, itemFieldId, sectionId } from './editor-context.js';

interface Place {
  /** Where it is: the section's title (or the meta card's). */
  where: string;
  what: string;
  /** The element to focus, and the section to scroll to when there is none. */
  targetId: string;
  sectionKey: string | null;
}

function sectionOf(def: DocumentDefinition, test: (row: DocumentDefinition['sections'][number]['rows'][number]) => boolean) {
  return def.sections.find((s) => s.rows.some(test)) ?? null;
}

export function placeOf(def: DocumentDefinition, lists: Record<string, DocumentItem[]>, issue: FieldIssue): Place {
  const item = /^lists\.(\w+)\.([^.]+)\.(\w+)$/.exec(issue.field);
  const whole = /^lists\.(\w+)$/.exec(issue.field);
  if (item || whole) {
    const listKey = (item ?? whole)![1]!;
    const list = def.lists.find((l) => l.key === listKey);
    const section = sectionOf(def, (r) => r.kind === 'list' && r.list === listKey);
    const where = section?.title ?? list?.label ?? listKey;
    if (!item) return { where, what: list?.label ?? listKey, targetId: sectionId(section?.key ?? ''), sectionKey: section?.key ?? null };
    const index = (lists[listKey] ?? []).findIndex((x) => x.id === item[2]);
    const field = list?.fields.find((f) => f.key === item[3]);
    return { where, what: `第 ${index + 1} 项 ${field?.label ?? item[3]}`, targetId: itemFieldId(listKey, item[2]!, item[3]!), sectionKey: section?.key ?? null };
  }
  const field = def.fields.find((f) => f.key === issue.field);
  const section = sectionOf(def, (r) => rowFieldKeys(r).includes(issue.field));
  return { where: section?.title ?? def.metaTitle, what: field?.label ?? issue.field, targetId: fieldId(issue.field), sectionKey: section?.key ?? null };
}

export function goTo(place: Place): void {
  const target = document.getElementById(place.targetId) ?? (place.sectionKey ? document.getElementById(sectionId(place.sectionKey)) : null);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

export function IssueList({ def, lists, errors }: { def: DocumentDefinition; lists: Record<string, DocumentItem[]>; errors: readonly FieldIssue[] }) {
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`还有 ${errors.length} 处需要修改后才能完成：`}
      description={
        <ul aria-label="需要修改的内容" style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflowY: 'auto' }}>
          {errors.map((issue, i) => {
            const place = placeOf(def, lists, issue);
            return (
              <li key={`${issue.field}-${i}`}>
                <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => goTo(place)}>
                  {place.where} · {place.what}
                </Button>
                ：{issue.message}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
