import { useEffect, useState } from 'react';
import { App, Button, Card, Popconfirm, Segmented, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectRecordView, ProjectView } from '../../../../shared/contract/projects-contract.js';
import { isEmptyValue } from '../../../../shared/forms/field-engine.js';
import { formatStoredValue } from '../../../../shared/forms/format-values.js';
import { RECORD_DEFINITIONS, RECORD_KINDS, type RecordKind } from '../../../../shared/process/record-kinds.js';
import { call, errorMessage } from '../../api/client.js';
import { RecordDrawer } from './RecordDrawer.js';

interface Props {
  project: ProjectView;
  /** The record open in the drawer (id null: a new one of that kind), or null. */
  open: { kind: RecordKind; id: string | null } | null;
  onOpen(open: { kind: RecordKind; id: string | null } | null): void;
  onSaved(view: ProjectView): void;
}

function fieldText(kind: RecordKind, record: ProjectRecordView, key: string): string {
  const f = RECORD_DEFINITIONS[kind].fields.find((x) => x.key === key);
  return f ? formatStoredValue(f, record.values[key] ?? null) : '';
}

/** Whether a record that can be due is still open (its closing field empty). */
function openState(kind: RecordKind, record: ProjectRecordView): 'open' | 'closed' | null {
  const due = RECORD_DEFINITIONS[kind].due;
  if (!due) return null;
  return isEmptyValue(record.values[due.closedBy]) ? 'open' : 'closed';
}

/** The project's records, one tab per kind of the standard (§5.2.1, §5.2.5, §5.2.6 c, §5.2.7, §6). */
export function ProjectRecords({ project, open, onOpen, onSaved }: Props) {
  const { message } = App.useApp();
  const remove = async (record: ProjectRecordView) => {
    try {
      onSaved(await call('projects.deleteRecord', { id: record.id }));
      message.success(`已删除${RECORD_DEFINITIONS[record.kind].title}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const openRecord = open?.id ? (project.records.find((r) => r.id === open.id) ?? null) : null;
  const [kind, setKind] = useState<RecordKind>(open?.kind ?? 'consultation');
  // A record opened from elsewhere (a stage's evidence, a 本周待办 link) shows its kind's list behind the drawer.
  useEffect(() => {
    if (open) setKind(open.kind);
  }, [open]);
  const def = RECORD_DEFINITIONS[kind];
  const records = project.records.filter((r) => r.kind === kind);

  return (
    <Card size="small" title="项目记录">
      {/* A segmented choice rather than tabs: nine kinds overflow a laptop window, and antd's tab overflow menu
          breaks the tab list's ARIA structure (axe: aria-required-children). This one scrolls sideways. */}
      <Segmented<RecordKind>
        aria-label="记录类别"
        value={kind}
        onChange={setKind}
        style={{ maxWidth: '100%', overflowX: 'auto', marginBottom: 12 }}
        options={RECORD_KINDS.map((k) => {
          const n = project.records.filter((r) => r.kind === k).length;
          return { value: k, label: n > 0 ? `${RECORD_DEFINITIONS[k].title}（${n}）` : RECORD_DEFINITIONS[k].title };
        })}
      />
      <div>
        <Button icon={<PlusOutlined />} style={{ marginBottom: 8 }} onClick={() => onOpen({ kind, id: null })}>
          新增{def.title}
        </Button>
      </div>
      <Table<ProjectRecordView>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={records}
        locale={{ emptyText: `还没有${def.title}` }}
        columns={[
          { title: def.fields.find((f) => f.key === def.dateField)!.label, width: 130, render: (_, r) => fieldText(kind, r, def.dateField) },
          { title: def.fields.find((f) => f.key === def.titleField)!.label, ellipsis: true, render: (_, r) => fieldText(kind, r, def.titleField) },
          ...(def.due
            ? [
                {
                  title: '状态',
                  width: 150,
                  render: (_: unknown, r: ProjectRecordView) =>
                    openState(kind, r) === 'open' ? <Tag color="orange">待办 · {fieldText(kind, r, def.due!.dateField)}</Tag> : <Tag color="green">已完成</Tag>,
                },
              ]
            : []),
          {
            title: '操作',
            width: 120,
            render: (_, r) => (
              <>
                <Button type="text" icon={<EditOutlined />} aria-label={`编辑${def.title}`} onClick={() => onOpen({ kind, id: r.id })} />
                <Popconfirm title={`删除这条${def.title}？`} okText="删除" cancelText="取消" onConfirm={() => void remove(r)}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除${def.title}`} />
                </Popconfirm>
              </>
            ),
          },
        ]}
      />
      {open && (
        <RecordDrawer
          key={open.id ?? `new-${open.kind}`}
          projectId={project.id}
          kind={open.kind}
          record={openRecord}
          starting={{ [RECORD_DEFINITIONS[open.kind].dateField]: project.today }}
          onSaved={onSaved}
          onClose={() => onOpen(null)}
        />
      )}
    </Card>
  );
}
