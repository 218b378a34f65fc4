// Two revisions side by side (§5.2.4 d: a change needs both sides' agreement, so both see exactly what changed):
// every section line by line with the changed characters marked, every list item field by field. Any two
// revisions of the chain can be picked; each revision itself stays readable and exportable from the list.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Drawer, Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord, DocumentSummary } from '../../../shared/domain/document-record.js';
import { buildDocumentModel } from '../../../shared/forms/document-model.js';
import { definitionOf } from '../../../shared/forms/registry.js';
import { diffDocumentRevisions } from '../../../shared/forms/revision-content.js';
import type { ChangeStatus, InlineSpan, LineRow } from '../../../shared/plan-terms/revision-diff.js';
import { call, errorMessage } from '../api/client.js';
import { revisionChain } from '../../../shared/forms/revision-chain.js';

const STATUS: Record<ChangeStatus, { text: string; color: string }> = {
  same: { text: '未变', color: 'default' },
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
  changed: { text: '修改', color: 'gold' },
};

function Spans({ spans }: { spans: InlineSpan[] }) {
  return (
    <>
      {spans.map((s, i) =>
        s.changed ? (
          <mark key={i} style={{ background: '#ffe58f', padding: 0 }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function Side({ row, side }: { row: LineRow; side: 'left' | 'right' }) {
  const text = row[side];
  if (text === null) return null;
  if (row.inline) return <Spans spans={row.inline[side]} />;
  const changed = row.status !== 'same';
  return <span style={changed ? { background: side === 'left' ? '#fff1f0' : '#f6ffed' } : undefined}>{text}</span>;
}

async function view(kind: DocumentRecord['kind'], id: string): Promise<DocumentView> {
  return call('documents.get', { kind, id });
}

function modelOf(v: DocumentView) {
  const def = definitionOf(v.record.kind);
  return buildDocumentModel({
    def,
    values: v.record.values,
    lists: v.record.lists,
    header: v.record.snapshots.incubator?.values ?? { ...v.incubator },
    agency: v.record.snapshots.agency?.values ?? v.agency,
    status: v.record.status,
    revision: v.record.revision,
  });
}

export function RevisionCompare({ record, open, onClose }: { record: DocumentRecord; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const [chain, setChain] = useState<DocumentSummary[]>([]);
  const [pick, setPick] = useState<[string, string] | null>(null);
  const [views, setViews] = useState<[DocumentView, DocumentView] | null>(null);

  useEffect(() => {
    if (!open) return;
    call('documents.list', { kind: record.kind, incubatorId: record.incubatorId })
      .then((all) => {
        const c = revisionChain(all, record.id);
        setChain(c);
        const at = c.findIndex((d) => d.id === record.id);
        const other = c[at > 0 ? at - 1 : at + 1];
        if (other) setPick(at > 0 ? [other.id, record.id] : [record.id, other.id]);
      })
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [open, record, message]);

  useEffect(() => {
    if (!pick) return;
    let cancelled = false;
    setViews(null);
    Promise.all([view(record.kind, pick[0]), view(record.kind, pick[1])])
      .then((v) => !cancelled && setViews(v))
      .catch((e: unknown) => message.error(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [pick, record.kind, message]);

  const diff = useMemo(() => (views ? diffDocumentRevisions(modelOf(views[0]), modelOf(views[1])) : null), [views]);
  const label = (id: string) => {
    const d = chain.find((x) => x.id === id);
    return d ? `第 ${d.revision} 版` : '';
  };
  const options = chain.map((d) => ({ value: d.id, label: `第 ${d.revision} 版${d.signed ? '（已签署）' : ''}` }));
  const [left, right] = pick ?? ['', ''];

  return (
    <Drawer title="版本对比" open={open} onClose={onClose} size="min(1100px, 100vw)" destroyOnHidden>
      {chain.length < 2 ? (
        <Empty description="只有一个版本，无可对比" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <span id="revision-left-label">左侧</span>
            <Select aria-labelledby="revision-left-label" value={left} options={options} style={{ width: 160 }} onChange={(v: string) => setPick([v, right])} />
            <span id="revision-right-label">右侧</span>
            <Select aria-labelledby="revision-right-label" value={right} options={options} style={{ width: 160 }} onChange={(v: string) => setPick([left, v])} />
          </Space>
          {views && views[1].record.revisionReason && (
            <Alert type="info" showIcon title={`${label(right)}修订原因：${views[1].record.revisionReason}`} />
          )}
          {!diff ? (
            <Spin />
          ) : diff.identical ? (
            <Alert type="success" showIcon title="两个版本内容相同" />
          ) : (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                aria-label="各栏目修改对比"
                dataSource={diff.sections.filter((s) => s.status !== 'same')}
                columns={[
                  { title: '栏目', key: 'title', width: 220, render: (_, s) => (<><div>{s.title}</div><Tag color={STATUS[s.status].color}>{STATUS[s.status].text}</Tag></>) },
                  { title: label(left), key: 'left', render: (_, s) => s.rows.map((r, i) => <div key={i} style={{ whiteSpace: 'pre-wrap', minHeight: '1.5em' }}><Side row={r} side="left" /></div>) },
                  { title: label(right), key: 'right', render: (_, s) => s.rows.map((r, i) => <div key={i} style={{ whiteSpace: 'pre-wrap', minHeight: '1.5em' }}><Side row={r} side="right" /></div>) },
                ]}
              />
              {diff.lists.map((l) => (
                <div key={l.key}>
                  <Typography.Title level={5}>{l.label}</Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="key"
                    aria-label={`${l.label}修改对比`}
                    dataSource={l.items}
                    columns={[
                      {
                        title: '状态',
                        key: 'status',
                        width: 90,
                        render: (_, i) => (<><Tag color={STATUS[i.status].color}>{STATUS[i.status].text}</Tag>{i.moved && <Tag>顺序调整</Tag>}</>),
                      },
                      {
                        title: label(left),
                        key: 'before',
                        render: (_, i) =>
                          i.position.before === null ? null : i.fields.filter((f) => f.before).map((f) => <div key={f.name} style={f.changed ? { background: '#fff1f0' } : undefined}>{`${f.name}：${f.before}`}</div>),
                      },
                      {
                        title: label(right),
                        key: 'after',
                        render: (_, i) =>
                          i.position.after === null ? null : i.fields.filter((f) => f.after).map((f) => <div key={f.name} style={f.changed ? { background: '#f6ffed' } : undefined}>{`${f.name}：${f.after}`}</div>),
                      },
                    ]}
                  />
                </div>
              ))}
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
