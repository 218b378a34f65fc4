import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { IncubatorSummary } from '../../../shared/contract/incubator-contract.js';
import type { DocumentSummary } from '../../../shared/domain/document-record.js';
import { type DocumentKind, definitionOf } from '../../../shared/forms/registry.js';
import { formatStoredValue } from '../../../shared/forms/format-values.js';
import { formatChineseDate } from '../../../shared/validation/dates.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { documentStore } from '../store/document-store.js';
import { useRuleSetStore } from '../store/rule-set-store.js';
import { RuleSetManager } from '../pages/diagnosis/RuleSetManager.js';
import { DocumentEditor } from './DocumentEditor.js';
import { downloadExportedFile } from './download.js';
import { RevisionCell } from './RevisionCell.js';
import { KIND_LIST_SEARCH } from './kind-panels.js';

/** One kind's documents (all, or one incubator's), and the editor when one is open. */
export function DocumentListPage({ kind }: { kind: DocumentKind }) {
  const def = definitionOf(kind);
  const { message, modal } = App.useApp();
  const { items, loading, error, incubatorFilter, openId, setFilter, load, open, close } = documentStore(kind)();
  const { ruleSets, managerOpen: ruleSetsOpen, loadRuleSets, showManager: showRuleSets } = useRuleSetStore();
  const [incubators, setIncubators] = useState<IncubatorSummary[]>([]);
  const [creating, setCreating] = useState(false);
  const [found, setFound] = useState<Set<string> | null>(null);
  const KindSearch = KIND_LIST_SEARCH[kind];

  useEffect(() => {
    void load();
    if (def.eligibility) void loadRuleSets();
    call('incubators.list', { query: '' })
      .then(setIncubators)
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [kind, def.eligibility, load, loadRuleSets, message]);

  if (openId) return <DocumentEditor kind={kind} id={openId} onClose={close} onOpen={open} />;

  const create = async () => {
    if (!incubatorFilter) return;
    setCreating(true);
    try {
      const d = await call('documents.create', { kind, incubatorId: incubatorFilter });
      open(d.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCreating(false);
    }
  };

  const exportFile = async (row: DocumentSummary, format: 'docx' | 'xlsx', allowErrors = false) => {
    try {
      downloadExportedFile(await call('documents.export', { kind, id: row.id, format, allowErrors }));
    } catch (e) {
      // A document with errors: asked first, then exported with 「草稿」 on every page (7.4).
      if (!allowErrors && e instanceof RpcFailure && e.error.kind === 'needs-confirmation') {
        modal.confirm({ title: '仍有数据未通过检查', content: e.error.message, okText: '仍要导出（标注草稿）', cancelText: '取消', onOk: () => exportFile(row, format, true) });
      } else message.error(errorMessage(e));
    }
  };

  const remove = async (row: DocumentSummary) => {
    try {
      await call('documents.delete', { kind, id: row.id });
      message.success(`已删除「${row.incubatorName}」${row.date ? formatChineseDate(row.date) : ''}的${def.shortName}`);
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const ruleSetName = (id: string) => ruleSets.find((s) => s.id === id)?.name ?? '（已删除的规则集，按 T/GXAS 453 §4.1 检查）';
  const listColumns = def.listFields.map((key) => {
    const f = def.fields.find((x) => x.key === key)!;
    return {
      title: f.label,
      key,
      render: (_: unknown, row: DocumentSummary) => {
        const v = row.values[key] ?? null;
        return f.type === 'ruleSet' ? ruleSetName(String(v ?? '')) : formatStoredValue(f, v);
      },
    };
  });
  const dateLabel = def.fields.find((f) => f.key === def.dateField)?.label ?? '日期';

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space wrap>
          <label htmlFor="document-incubator-filter">孵化器</label>
          <Select
            id="document-incubator-filter"
            style={{ minWidth: 300 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部孵化器"
            value={incubatorFilter ?? undefined}
            onChange={(v: string | undefined) => setFilter(v ?? null)}
            options={incubators.map((i) => ({ value: i.id, label: i.name }))}
          />
          {KindSearch && <KindSearch onFound={setFound} refresh={items} />}
        </Space>
        <Space wrap>
          {def.eligibility && (
            <Button icon={<SettingOutlined />} onClick={() => showRuleSets(true)}>
              认定规则集
            </Button>
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!incubatorFilter}
            title={incubatorFilter ? undefined : '请先选择孵化器'}
            loading={creating}
            onClick={() => void create()}
          >
            新建{def.shortName}
          </Button>
        </Space>
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<DocumentSummary>
        rowKey="id"
        loading={loading}
        dataSource={found ? items.filter((i) => found.has(i.id)) : items}
        // Narrow windows scroll the table sideways; the incubator and the actions stay in view.
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 份` }}
        locale={{
          emptyText: (
            <Empty
              description={incubatorFilter ? `该孵化器还没有${def.shortName}，点击“新建${def.shortName}”开始` : `还没有${def.shortName}。请先选择孵化器，再新建`}
            />
          ),
        }}
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        columns={[
          { title: '孵化器', dataIndex: 'incubatorName', width: 220, fixed: 'left' },
          { title: dateLabel, dataIndex: 'date', render: (v: string | null) => (v ? formatChineseDate(v) : '未填写') },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: DocumentSummary['status'], row) => (
              <Space size={4} wrap>
                <Tag color={s === 'completed' ? 'green' : 'gold'}>{def.statusWording[s]}</Tag>
                {row.signed && <Tag color="blue">{def.statusWording.signed}</Tag>}
              </Space>
            ),
          },
          { title: '版本', key: 'revision', render: (_: unknown, row) => <RevisionCell row={row} /> },
          ...listColumns,
          {
            title: '操作',
            key: 'actions',
            width: 250,
            fixed: 'right',
            render: (_: unknown, row) => (
              <Space size="small" wrap>
                <Button type="link" size="small" onClick={() => open(row.id)} aria-label={`打开「${row.incubatorName}」的${def.shortName}`}>
                  打开
                </Button>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void exportFile(row, 'docx')} aria-label={`导出「${row.incubatorName}」的${def.shortName} Word`}>
                  Word
                </Button>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void exportFile(row, 'xlsx')} aria-label={`导出「${row.incubatorName}」的${def.shortName} Excel`}>
                  Excel
                </Button>
                <Popconfirm title={`删除这份${def.shortName}？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void remove(row)}>
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {ruleSetsOpen && (
        <RuleSetManager
          onClose={() => {
            showRuleSets(false);
            void loadRuleSets();
          }}
        />
      )}
    </Card>
  );
}
