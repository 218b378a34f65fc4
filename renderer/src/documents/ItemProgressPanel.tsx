// Progress on a signed document (ListDefinition.progress, docs/documents.md §Progress on a signed document): per
// item of a list that tracks it (the plan's tasks, §5.2.5), its progress fields, saved as they are typed (600 ms
// after the last key, at once on leaving a field or choosing), each message next to its field. A field with an
// error is kept on screen and not sent; the others save. Read-only once a signed revision replaced the document.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Card, Col, Form, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentModel } from '../../../shared/forms/document-model.js';
import type { ListDefinition } from '../../../shared/forms/document-definition.js';
import type { FieldDefinition, FieldValue } from '../../../shared/forms/field-definition.js';
import { checkItemProgress } from '../../../shared/forms/item-progress.js';
import { itemCells, itemNumber, printedListFields } from '../../../shared/forms/print-cells.js';
import type { FieldIssue } from '../../../shared/validation/field-issue.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { FieldControl } from '../forms/FieldControl.js';
import type { SaveState } from './use-draft-autosave.js';

type Values = Record<string, FieldValue>;
const DEBOUNCE_MS = 600;

interface Props {
  view: DocumentView;
  model: DocumentModel;
  onSaved(items: Record<string, Values>): void;
}

/** Saves one item's changed fields after a pause, or at once; keeps what failed on screen with its message. */
function useProgressAutosave(view: DocumentView, onSaved: Props['onSaved']) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [refused, setRefused] = useState<Record<string, FieldIssue>>({});
  const typed = useRef<Record<string, Values>>({});
  const pending = useRef(new Map<string, { listKey: string; fields: Set<string>; timer?: ReturnType<typeof setTimeout> }>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const { kind, id } = view.record;

  const flush = useCallback(
    (itemId: string, list: ListDefinition) => {
      const entry = pending.current.get(itemId);
      if (!entry) return chain.current;
      clearTimeout(entry.timer);
      pending.current.delete(itemId);
      chain.current = chain.current.then(async () => {
        const current = typed.current[itemId] ?? {};
        const errors = new Set(
          checkItemProgress(list.progress!, current, dayjs().format('YYYY-MM-DD'))
            .issues.filter((i) => i.severity === 'error')
            .map((i) => i.field),
        );
        const values = Object.fromEntries([...entry.fields].filter((k) => !errors.has(k)).map((k) => [k, current[k] ?? null]));
        if (Object.keys(values).length === 0) return;
        setState({ kind: 'saving' });
        try {
          onSaved(await call('documents.saveProgress', { kind, id, listKey: entry.listKey, itemId, values }));
          setRefused((r) => {
            const { [itemId]: _, ...rest } = r;
            return rest;
          });
          setState({ kind: 'saved', at: new Date() });
        } catch (e) {
          const field = e instanceof RpcFailure && e.error.field ? e.error.field : [...entry.fields][0]!;
          setRefused((r) => ({ ...r, [itemId]: { field, message: errorMessage(e), severity: 'error' } }));
          setState({ kind: 'error', message: errorMessage(e) });
        }
      });
      return chain.current;
    },
    [kind, id, onSaved],
  );

  const change = useCallback(
    (list: ListDefinition, itemId: string, key: string, value: FieldValue, immediate: boolean) => {
      typed.current = { ...typed.current, [itemId]: { ...typed.current[itemId], [key]: value } };
      const entry = pending.current.get(itemId) ?? { listKey: list.key, fields: new Set<string>() };
      entry.fields.add(key);
      clearTimeout(entry.timer);
      pending.current.set(itemId, entry);
      if (immediate) void flush(itemId, list);
      else entry.timer = setTimeout(() => void flush(itemId, list), DEBOUNCE_MS);
    },
    [flush],
  );

  return { state, refused, typed, change, flush };
}

/** The item's signed content as printed, each value with its column's label: 「任务内容：…  责任人：…」 (an ideographic space between). */
function describe(list: ListDefinition, cells: string[]): string {
  return printedListFields(list)
    .flatMap((f, i) => (cells[i] ? [`${f.label}：${cells[i]}`] : []))
    .join('\u3000');
}

/** Short fields (a choice, a date) side by side first, long texts after them. */
function shortFirst(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return [...fields.filter((f) => f.type !== 'longtext'), ...fields.filter((f) => f.type === 'longtext')];
}

function saveText(s: SaveState): string {
  if (s.kind === 'saving') return '正在保存…';
  if (s.kind === 'saved') return `已自动保存 ${dayjs(s.at).format('HH:mm:ss')}`;
  if (s.kind === 'error') return `未能保存：${s.message}`;
  return '';
}

export function ItemProgressPanel({ view, model, onSaved }: Props) {
  const lists = model.def.lists.filter((l) => l.progress);
  const autosave = useProgressAutosave(view, onSaved);
  // What is on screen: the stored progress, then what was typed here (kept when a save is refused).
  const [, rerender] = useState(0);
  const valuesOf = (itemId: string): Values => ({ ...view.progress.items[itemId], ...autosave.typed.current[itemId] });
  const open = view.progress.open;
  const today = dayjs().format('YYYY-MM-DD');

  useEffect(
    () => () => {
      for (const l of lists) for (const item of model.check.lists[l.key] ?? []) void autosave.flush(item.id, l);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  if (lists.length === 0) return null;
  return (
    <>
      {lists.map((list) => {
        const progress = list.progress!;
        const items = model.check.lists[list.key] ?? [];
        return (
          <Card
            key={list.key}
            size="small"
            role="region"
            aria-label={`${list.label} · ${progress.title}`}
            title={`${list.label} · ${progress.title}`}
            extra={<Typography.Text type={autosave.state.kind === 'error' ? 'danger' : 'secondary'}>{saveText(autosave.state)}</Typography.Text>}
            style={{ marginBottom: 16 }}
          >
            <Typography.Paragraph type="secondary">
              {open
                ? `${progress.title}不属于已签署的内容，随时记录，自动保存，并同步到其他设备。`
                : `此版本已由新的签署版本取代，${progress.title}请在最新版本中记录。`}
            </Typography.Paragraph>
            <Form layout="vertical" component="div" disabled={!open}>
              {items.map((item, n) => {
                const heading = itemNumber(list, n, item);
                const values = valuesOf(item.id);
                const check = checkItemProgress(progress, values, today);
                const refused = autosave.refused[item.id];
                const issueOf = (key: string) => check.issues.find((i) => i.field === key && i.severity === 'error') ?? (refused?.field === key ? refused : undefined) ?? check.issues.find((i) => i.field === key);
                const set = (key: string, value: FieldValue, immediate: boolean) => {
                  autosave.change(list, item.id, key, value, immediate);
                  rerender((x) => x + 1);
                };
                return (
                  <section key={item.id} aria-label={heading} style={{ borderTop: n > 0 ? '1px solid #f0f0f0' : undefined, paddingTop: n > 0 ? 12 : 0 }}>
                    <Typography.Text strong>{heading}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 8px' }}>{describe(list, itemCells(model, list, item))}</Typography.Paragraph>
                    <Row gutter={16}>
                      {shortFirst(progress.fields).map((f) => {
                        const issue = issueOf(f.key);
                        const fid = `progress-${item.id}-${f.key}`;
                        const raw = values[f.key];
                        return (
                          <Col key={f.key} xs={24} md={f.type === 'longtext' ? 24 : 12} xl={f.type === 'longtext' ? 12 : 6}>
                            <Form.Item
                              label={f.label}
                              htmlFor={fid}
                              validateStatus={issue ? (issue.severity === 'error' ? 'error' : 'warning') : undefined}
                              help={issue && <span role="alert" id={`${fid}-help`}>{issue.message}</span>}
                              style={{ marginBottom: 12 }}
                            >
                              <FieldControl
                                def={f}
                                id={fid}
                                value={raw === null || raw === undefined ? undefined : String(raw)}
                                describedBy={issue ? `${fid}-help` : undefined}
                                invalid={issue?.severity === 'error'}
                                onChange={(v) => set(f.key, v ?? (f.type === 'longtext' || f.type === 'text' ? '' : null), f.type === 'choice' || f.type === 'date')}
                                onBlur={() => void autosave.flush(item.id, list)}
                              />
                            </Form.Item>
                          </Col>
                        );
                      })}
                    </Row>
                  </section>
                );
              })}
            </Form>
          </Card>
        );
      })}
    </>
  );
}
