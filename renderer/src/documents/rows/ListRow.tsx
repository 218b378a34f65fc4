import { Button, Form, Space, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DocumentItem } from '../../../../shared/forms/document-data.js';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { itemNumber, listTotalText } from '../../../../shared/forms/print-cells.js';
import { FieldControl } from '../../forms/FieldControl.js';
import { toFormValue } from '../../forms/form-values.js';
import { itemFieldId, useEditor } from '../editor-context.js';
import { parseYuanToFen, toChineseCapital } from '../../../../shared/money/index.js';
import type { FieldDefinition, FieldValue } from '../../../../shared/forms/field-definition.js';

/** An item's amount in 大写 under its figures, from the same number (nothing while it cannot be read). */
function MoneyWords({ def, typed }: { def: FieldDefinition; typed: FieldValue }) {
  const text = typeof typed === 'number' ? toFormValue(def, typed) : typeof typed === 'string' ? typed : '';
  const r = text ? parseYuanToFen(text) : null;
  return r?.ok ? <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>大写：人民币{toChineseCapital(r.fen)}</Typography.Text> : null;
}

/** Wide enough for each kind of input; long texts take what is left. */
const COLUMN_WIDTH: Partial<Record<string, number>> = { month: 130, date: 150, money: 150, choice: 120, text: 160 };

/**
 * A repeating list of the definition (instalments, numbered items, tasks, budget lines): items can be added,
 * removed and moved, each field with its message under it; a total row under the items when the list has one.
 * Each item keeps its id (made here), so saving it twice never makes two (sync.md §1).
 */
export function ListRow({ row }: { row: Extract<LayoutRow, { kind: 'list' }> }) {
  const ed = useEditor();
  const list = ed.def.lists.find((l) => l.key === row.list);
  if (!list) return null;
  const items = ed.lists[list.key] ?? [];
  const fields = list.fields.filter((f) => !f.hidden);
  const set = (next: DocumentItem[]) => ed.setList(list.key, next);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    set(next);
  };
  const listIssue = ed.listIssue(list.key);
  const checked = ed.check.lists[list.key] ?? [];
  const totalText = list.total ? listTotalText({ ...ed }, list) : '';
  return (
    <Form.Item
      label={list.label}
      validateStatus={listIssue ? (listIssue.severity === 'error' ? 'error' : 'warning') : undefined}
      help={listIssue && <span role="alert">{listIssue.message}</span>}
      style={{ marginBottom: 14 }}
    >
      <Table<DocumentItem>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={items}
        aria-label={list.label}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: `尚无${list.itemLabel}` }}
        columns={[
          ...(list.numbering === 'none'
            ? []
            : [{ title: '序号', key: 'n', width: 70, fixed: 'left' as const, render: (_: unknown, __: DocumentItem, n: number) => itemNumber(list, n) }]),
          ...fields.map((f) => ({
            title: f.label,
            key: f.key,
            width: COLUMN_WIDTH[f.type],
            render: (_: unknown, item: DocumentItem, n: number) => {
              const issue = ed.itemIssue(list.key, item.id, f.key);
              const id = itemFieldId(list.key, item.id, f.key);
              return (
                <div style={{ minWidth: f.type === 'longtext' ? 260 : undefined }}>
                  <FieldControl
                    def={f}
                    id={id}
                    value={toFormValue(f, item.values[f.key] ?? null)}
                    disabled={ed.readOnly}
                    ariaLabel={`第 ${n + 1} 项 ${f.label}`}
                    describedBy={issue ? `${id}-help` : undefined}
                    invalid={issue?.severity === 'error'}
                    onBlur={ed.saveNow}
                    onChange={(text) => set(items.map((x) => (x.id === item.id ? { ...x, values: { ...x.values, [f.key]: text ?? null } } : x)))}
                  />
                  {issue ? (
                    <Typography.Text id={`${id}-help`} type={issue.severity === 'error' ? 'danger' : 'warning'} role="alert" style={{ fontSize: 12, display: 'block' }}>
                      {issue.message}
                    </Typography.Text>
                  ) : (
                    f.type === 'money' && <MoneyWords def={f} typed={item.values[f.key] ?? null} />
                  )}
                </div>
              );
            },
          })),
          ...(ed.readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, item: DocumentItem, n: number) => (
                    <Space size={0}>
                      <Button type="text" icon={<ArrowUpOutlined />} aria-label={`上移第 ${n + 1} 项`} disabled={n === 0} onClick={() => move(n, n - 1)} />
                      <Button type="text" icon={<ArrowDownOutlined />} aria-label={`下移第 ${n + 1} 项`} disabled={n === items.length - 1} onClick={() => move(n, n + 1)} />
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${n + 1} 项`} onClick={() => set(items.filter((x) => x.id !== item.id))} />
                    </Space>
                  ),
                },
              ]),
        ]}
        summary={() =>
          list.total ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={fields.length + 2}>
                <span role="status">
                  {list.total.label}：{totalText || (checked.some((i) => i.invalid.has(list.total!.field)) ? '有金额填写有误，改正后再合计' : '—')}
                </span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {!ed.readOnly && (
        <Button
          style={{ marginTop: 8 }}
          icon={<PlusOutlined />}
          disabled={list.maxItems !== undefined && items.length >= list.maxItems}
          onClick={() => set([...items, { id: crypto.randomUUID(), values: {} }])}
        >
          添加{list.itemLabel === '第' ? '一项' : list.itemLabel}
        </Button>
      )}
    </Form.Item>
  );
}
