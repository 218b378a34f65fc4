import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { IncubatorSummary } from '../../../shared/contract/incubator-contract.js';
import { call, errorMessage } from '../api/client.js';
import { useIncubatorStore } from '../store/incubator-store.js';
import { IncubatorEditor } from './IncubatorEditor.js';
import { LoadDemoButton } from '../components/LoadDemoButton.js';
import { PortfolioExportButton } from '../components/PortfolioExportButton.js';
import { RecordLink } from '../components/RecordLink.js';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { openDocumentsOf } from '../store/document-store.js';
import { SyncConflictBadge } from '../sync/SyncConflictBadge.js';
import { useSyncStore } from '../sync/sync-store.js';
import { useProfileStore } from '../store/profile-store.js';
import { IncubatorProfilePage } from './profile/IncubatorProfilePage.js';
import { ProfileButton } from '../components/ProfileButton.js';

const PAGE_SIZE = 20;

export function IncubatorListPage() {
  const { message } = App.useApp();
  const { items, loading, error, query, editing, setQuery, load, openEditor, closeEditor } = useIncubatorStore();
  const [page, setPage] = useState(1);
  /** The row to put the focus on once the list shows it: the one just saved or closed. */
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const profileOf = useProfileStore((s) => s.openId);

  useEffect(() => {
    void load();
  }, [load]);

  // Incubators made or changed on other devices arrive with a sync: the list is read again after each one (the
  // search box unchanged, so nothing else would ask).
  const lastSyncAt = useSyncStore((s) => s.status?.lastSyncAt ?? null);
  const refresh = useIncubatorStore((s) => s.refresh);
  const seenSync = useRef(lastSyncAt);
  useEffect(() => {
    if (lastSyncAt === seenSync.current) return;
    seenSync.current = lastSyncAt;
    void refresh();
  }, [lastSyncAt, refresh]);

  // After a save (or closing the editor) the focus goes to that incubator's row, on whichever page it is, so
  // keyboard and screen-reader users carry on from there; if the list does not show it, to 新建孵化器.
  useEffect(() => {
    if (focusTarget === null || loading || editing) return;
    const index = items.findIndex((i) => i.id === focusTarget);
    if (index < 0) {
      newButton.current?.focus();
      setFocusTarget(null);
      return;
    }
    const onPage = Math.floor(index / PAGE_SIZE) + 1;
    if (onPage !== page) return setPage(onPage);
    const link = tableArea.current?.querySelector<HTMLAnchorElement>(`tr[data-row-key="${CSS.escape(focusTarget)}"] a`);
    link?.focus();
    setFocusTarget(null);
  }, [focusTarget, items, loading, editing, page]);

  const remove = async (row: IncubatorSummary) => {
    try {
      const { auditId } = await call('incubators.delete', { id: row.id });
      await load();
      newButton.current?.focus();
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
                  setFocusTarget(row.id);
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

  const closeAndReturn = (id: string | null) => {
    closeEditor();
    setFocusTarget(id ?? null);
    if (id === null) newButton.current?.focus();
  };

  if (profileOf) return <IncubatorProfilePage id={profileOf} />;

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <div className="wb-toolbar">
        <Input
          type="search"
          aria-label="搜索孵化器"
          placeholder="按名称、信用代码、运营机构或拼音首字母搜索"
          prefix={<SearchOutlined />}
          allowClear
          defaultValue={query}
          onChange={(e) => {
            setPage(1);
            setQuery(e.target.value);
          }}
          className="wb-toolbar-search"
        />
        <PortfolioExportButton incubatorIds={items.map((i) => i.id)} filtered={query.trim() !== ''} />
        <Button ref={newButton} type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')}>
          新建孵化器
        </Button>
      </div>
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <div ref={tableArea}>
        <Table<IncubatorSummary>
          rowKey="id"
          loading={loading}
          dataSource={items}
          // Narrow windows scroll the table sideways; the name and the actions stay in view.
          scroll={{ x: 980 }}
          pagination={{
            current: page,
            onChange: setPage,
            pageSize: PAGE_SIZE,
            hideOnSinglePage: true,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 个`,
          }}
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
              width: 230,
              fixed: 'left',
              render: (name: string, row) => (
                <>
                  <RecordLink entity="incubators" rowId={row.id}>
                    {name}
                  </RecordLink>
                  <SyncConflictBadge entity="incubators" rowId={row.id} />
                </>
              ),
            },
            {
              title: '统一社会信用代码',
              dataIndex: 'creditCode',
              width: 190,
              render: (c: string) => <Typography.Text className="wb-code">{c}</Typography.Text>,
            },
            { title: '运营机构', dataIndex: 'operator', width: 200 },
            {
              title: '类型',
              dataIndex: 'incubatorType',
              width: 150,
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
              width: 130,
              render: (n: string, row) => (
                <span>
                  {n}
                  {row.contactMobile && <div className="wb-secondary-line">{row.contactMobile}</div>}
                </span>
              ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 200,
              fixed: 'right',
              render: (_, row) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => openEditor(row.id)} aria-label={`编辑「${row.name}」`}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => openDocumentsOf('diagnosis', row.id)} aria-label={`「${row.name}」的诊断意见表`}>
                    诊断
                  </Button>
                  <ProfileButton type="link" incubatorId={row.id} incubatorName={row.name} />
                  <Popconfirm
                    title={`删除「${row.name}」？`}
                    description="删除后 30 天内可在“设置与备份 → 操作记录”中撤销。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove(row)}
                  >
                    <Button type="link" size="small" danger aria-label={`删除「${row.name}」`}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </div>
      {editing && (
        <IncubatorEditor
          key={editing}
          target={editing}
          onClose={() => closeAndReturn(editing === 'new' ? null : editing)}
          onSaved={(record) => {
            closeAndReturn(record.id);
            void load();
          }}
        />
      )}
    </Card>
  );
}
