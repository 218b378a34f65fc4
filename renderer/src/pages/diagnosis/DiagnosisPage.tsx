import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { IncubatorSummary } from '../../../../shared/contract/incubator-contract.js';
import { DIAGNOSIS_STATUS_LABELS, type DiagnosisSummary } from '../../../../shared/domain/diagnosis.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { call, errorMessage } from '../../api/client.js';
import { useDiagnosisStore } from '../../store/diagnosis-store.js';
import { DiagnosisEditor } from './DiagnosisEditor.js';
import { RuleSetManager } from './RuleSetManager.js';
import { downloadExportedFile } from './download.js';
import { RevisionCell } from './RevisionCell.js';

/** 诊断意见表: the list of diagnoses (all, or one incubator's), and the editor when one is open. */
export function DiagnosisPage() {
  const { message } = App.useApp();
  const { items, loading, error, incubatorFilter, openId, ruleSets, ruleSetsOpen, setFilter, load, loadRuleSets, open, close, showRuleSets } =
    useDiagnosisStore();
  const [incubators, setIncubators] = useState<IncubatorSummary[]>([]);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void load();
    void loadRuleSets();
    call('incubators.list', { query: '' })
      .then(setIncubators)
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [load, loadRuleSets, message]);

  if (openId) return <DiagnosisEditor id={openId} onClose={close} />;

  const create = async () => {
    if (!incubatorFilter) return;
    setCreating(true);
    try {
      const d = await call('diagnoses.create', { incubatorId: incubatorFilter });
      open(d.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCreating(false);
    }
  };

  const exportFile = async (row: DiagnosisSummary, format: 'docx' | 'xlsx') => {
    try {
      downloadExportedFile(await call('diagnoses.export', { id: row.id, format }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const remove = async (row: DiagnosisSummary) => {
    try {
      await call('diagnoses.delete', { id: row.id });
      message.success(`已删除「${row.incubatorName}」${row.diagnosedOn ? formatChineseDate(row.diagnosedOn) : ''}的诊断意见表`);
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const ruleSetName = (id: string) => ruleSets.find((s) => s.id === id)?.name ?? '（已删除的规则集，按 T/GXAS 453 §4.1 检查）';

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space wrap>
          <label htmlFor="diagnosis-incubator-filter">孵化器</label>
          <Select
            id="diagnosis-incubator-filter"
            style={{ minWidth: 300 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部孵化器"
            value={incubatorFilter ?? undefined}
            onChange={(v: string | undefined) => setFilter(v ?? null)}
            options={incubators.map((i) => ({ value: i.id, label: i.name }))}
          />
        </Space>
        <Space wrap>
          <Button icon={<SettingOutlined />} onClick={() => showRuleSets(true)}>
            认定规则集
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!incubatorFilter}
            title={incubatorFilter ? undefined : '请先选择孵化器'}
            loading={creating}
            onClick={() => void create()}
          >
            新建诊断意见表
          </Button>
        </Space>
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<DiagnosisSummary>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <Empty description={incubatorFilter ? '该孵化器还没有诊断意见表，点击“新建诊断意见表”开始' : '还没有诊断意见表。请先选择孵化器，再新建'} />
          ),
        }}
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        columns={[
          { title: '孵化器', dataIndex: 'incubatorName' },
          { title: '诊断日期', dataIndex: 'diagnosedOn', render: (v: string | null) => (v ? formatChineseDate(v) : '未填写') },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: DiagnosisSummary['status'], row) => (
              <Space size={4} wrap>
                <Tag color={s === 'completed' ? 'green' : 'gold'}>{DIAGNOSIS_STATUS_LABELS[s]}</Tag>
                {row.signed && <Tag color="blue">已签署</Tag>}
              </Space>
            ),
          },
          { title: '版本', key: 'revision', render: (_: unknown, row) => <RevisionCell row={row} /> },
          { title: '诊断人员', dataIndex: 'consultants' },
          { title: '认定规则集', dataIndex: 'ruleSetId', render: (id: string) => ruleSetName(id) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, row) => (
              <Space size="small" wrap>
                <Button type="link" size="small" onClick={() => open(row.id)}>
                  打开
                </Button>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void exportFile(row, 'docx')}>
                  Word
                </Button>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void exportFile(row, 'xlsx')}>
                  Excel
                </Button>
                <Popconfirm title="删除这份诊断意见表？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void remove(row)}>
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
