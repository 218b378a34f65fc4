import { useEffect, useMemo } from 'react';
import { App, Button, Space, Table, Typography } from 'antd';
import { AUDIT_ACTIONS, type HistoryEntry, type HistoryRecord } from '../../../shared/contract/history-contract.js';
import { call, errorMessage } from '../api/client.js';
import { kindLabel, knownKinds } from '../navigation/record-links.js';
import { useHistoryStore } from '../store/history-store.js';
import { formatDateTime } from './backup-labels.js';
import { HistoryEntryText } from './HistoryEntryText.js';
import { FilterSelect } from './FilterSelect.js';

export const ACTION_LABELS: Record<HistoryEntry['action'], string> = { create: '新建', update: '修改', delete: '删除', restore: '恢复' };

const recordKey = (r: { entity: string; rowId: string }) => `${r.entity}\u0000${r.rowId}`;

/** Option texts for records; two records with the same name are told apart by when they first appear. */
function recordOptions(records: HistoryRecord[]): { value: string; label: string }[] {
  const seen = new Map<string, number>();
  for (const r of records) seen.set(`${r.entity}|${r.label}`, (seen.get(`${r.entity}|${r.label}`) ?? 0) + 1);
  return records.map((r) => {
    const twin = (seen.get(`${r.entity}|${r.label}`) ?? 0) > 1;
    return {
      value: recordKey(r),
      label: `${kindLabel(r.entity)} · ${r.label}${twin ? `（${formatDateTime(r.firstAt)} 起）` : ''}`,
    };
  });
}

/** 操作记录: every change on this computer, filtered by kind of record, by record and by action. */
export function HistoryLog() {
  const { message } = App.useApp();
  const { filter, entries, more, loading, error, records, setFilter, load, loadMore, loadRecords } = useHistoryStore();

  useEffect(() => {
    void load();
    void loadRecords();
  }, [load, loadRecords]);

  const options = useMemo(() => recordOptions(records), [records]);

  const undo = async (h: HistoryEntry) => {
    try {
      await call('history.undoDelete', { auditId: h.id });
      message.success('已撤销删除');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const showRecord = (h: HistoryEntry) => setFilter({ ...filter, entity: h.entity, record: { entity: h.entity, rowId: h.rowId } });

  return (
    <>
      <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
        <FilterSelect
          id="history-kind"
          label="记录类型"
          width={150}
          placeholder="全部类型"
          value={filter.entity}
          onChange={(entity) => setFilter({ action: filter.action, ...(entity ? { entity } : {}) })}
          options={knownKinds().map((k) => ({ value: k.entity, label: k.label }))}
        />
        <FilterSelect
          id="history-record"
          label="记录"
          width={320}
          placeholder="全部记录"
          searchable
          value={filter.record ? recordKey(filter.record) : undefined}
          onChange={(key) => {
            const [entity, rowId] = key ? key.split('\u0000') : [];
            setFilter({ ...filter, ...(entity && rowId ? { entity, record: { entity, rowId } } : { record: undefined }) });
          }}
          options={options}
        />
        <FilterSelect<HistoryEntry['action']>
          id="history-action"
          label="操作"
          width={110}
          placeholder="全部"
          value={filter.action}
          onChange={(action) => setFilter({ ...filter, action })}
          options={AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] }))}
        />
      </Space>
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Table<HistoryEntry>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={entries}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 720 }}
        locale={{ emptyText: filter.entity || filter.record || filter.action ? '没有符合条件的操作记录' : '暂无操作记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: formatDateTime },
          { title: '操作', dataIndex: 'action', width: 64, render: (a: HistoryEntry['action']) => ACTION_LABELS[a] },
          { title: '类型', dataIndex: 'entity', width: 100, render: (e: string) => kindLabel(e) },
          { title: '内容', key: 'summary', render: (_, h) => <HistoryEntryText entry={h} /> },
          {
            title: '处理',
            key: 'actions',
            width: 190,
            render: (_, h) => (
              <Space size={4}>
                {!filter.record && (
                  <Button size="small" type="link" onClick={() => showRecord(h)}>
                    只看此记录
                  </Button>
                )}
                {h.undoable && (
                  <Button size="small" onClick={() => void undo(h)}>
                    撤销删除
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {more && (
        <Button style={{ marginTop: 8 }} loading={loading} onClick={() => void loadMore()}>
          加载更早的记录
        </Button>
      )}
    </>
  );
}
