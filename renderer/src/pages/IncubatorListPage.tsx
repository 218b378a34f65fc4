import { useEffect } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { IncubatorSummary } from '../../../shared/contract/incubator-contract.js';
import { call, errorMessage } from '../api/client.js';
import { useIncubatorStore } from '../store/incubator-store.js';
import { IncubatorEditor } from './IncubatorEditor.js';
import { LoadDemoButton } from '../components/LoadDemoButton.js';
import { openDocumentsOf } from '../store/document-store.js';
import { SyncConflictBadge } from '../sync/SyncConflictBadge.js';

export function IncubatorListPage() {
  const { message } = App.useApp();
  const { items, loading, error, query, editing, setQuery, load, openEditor, closeEditor } = useIncubatorStore();

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (row: IncubatorSummary) => {
    try {
      const { auditId } = await call('incubators.delete', { id: row.id });
      await load();
      const key = `deleted-${row.id}`;
      message.success({
        key,
        duration: 8,
        content: (
          <span>
            已删除「{row.name}」{' '}
            <Button
              type="link"
              size="small"
              onClick={async () => {
                try {
                  await call('history.undoDelete', { auditId });
                  message.success({ key, content: `已恢复「${row.name}」` });
                  await load();
                } catch (e) {
                  message.error(errorMessage(e));
                }
              }}
            >
              撤销
            </Button>
          </span>
        ),
      });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Input.Search
          aria-label="搜索孵化器"
          placeholder="按名称、信用代码、运营机构或拼音首字母搜索"
          allowClear
          defaultValue={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 420 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')}>
          新建孵化器
        </Button>
      </Space>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      <Table<IncubatorSummary>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个` }}
        locale={{
          emptyText: query ? (
            <Empty description={`没有与「${query}」匹配的孵化器`} />
          ) : (
            <Empty description="还没有孵化器。新建一个，或先加载示例数据看看。">
              <LoadDemoButton onLoaded={() => void load()} />
            </Empty>
          ),
        }}
        columns={[
          {
            title: '孵化器名称',
            dataIndex: 'name',
            render: (name: string, row) => (
              <>
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => openEditor(row.id)}>
                  {name}
                </Button>
                <SyncConflictBadge entity="incubators" rowId={row.id} />
              </>
            ),
          },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          { title: '运营机构', dataIndex: 'operator' },
          {
            title: '类型',
            dataIndex: 'incubatorType',
            width: 170,
            render: (t: string | null, row) =>
              t ? (
                <Space size={4} wrap>
                  <Tag color={t === '专业型' ? 'geekblue' : 'green'}>{t}</Tag>
                  {row.industry && <Typography.Text type="secondary">{row.industry}</Typography.Text>}
                </Space>
              ) : (
                <Typography.Text type="secondary">未填</Typography.Text>
              ),
          },
          {
            title: '联系人',
            dataIndex: 'contactName',
            width: 150,
            render: (n: string, row) => (
              <span>
                {n}
                {row.contactMobile && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{row.contactMobile}</div>}
              </span>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_, row) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => openEditor(row.id)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => openDocumentsOf('diagnosis', row.id)}>
                  诊断
                </Button>
                <Popconfirm
                  title={`删除「${row.name}」？`}
                  description="删除后 30 天内可在“设置与备份 → 操作记录”中撤销。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove(row)}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <IncubatorEditor
          key={editing}
          target={editing}
          onClose={closeEditor}
          onSaved={() => {
            closeEditor();
            void load();
          }}
        />
      )}
    </Card>
  );
}
