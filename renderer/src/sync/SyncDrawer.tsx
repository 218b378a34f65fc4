// Everything about sync in one place: server login, state and last sync, what is waiting, conflicts, refused edits.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, List, Space, Tabs, Tag, Typography } from 'antd';
import type { SyncConflict, SyncIssue } from '../../../shared/contract/sync-contract.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { useSyncStore } from './sync-store.js';
import { PendingRecordList } from './PendingRecordList.js';
import { fieldLabel, formatTime, showValue } from './format.js';

const STATE_TEXT: Record<string, string> = {
  'not-configured': '未连接同步服务器',
  synced: '已同步',
  pending: '有修改待同步',
  syncing: '正在同步',
  offline: '离线',
  error: '同步出错',
};

function StatusTab() {
  const { message, modal } = App.useApp();
  const status = useSyncStore((s) => s.status);
  const refresh = useSyncStore((s) => s.refresh);
  const syncNow = useSyncStore((s) => s.syncNow);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ serverUrl: string; login: string; password: string }>();
  if (!status) return null;
  const login = async (values: { serverUrl: string; login: string; password: string }, allowInsecure = false) => {
    setBusy(true);
    try {
      await call('sync.login', { ...values, allowInsecure });
      message.success('已登录同步服务器，正在同步…');
      form.resetFields(['password']);
      await refresh();
    } catch (e) {
      if (e instanceof RpcFailure && e.error.kind === 'needs-confirmation') {
        // Plain http:// to another machine: said plainly, and only on the user's word.
        modal.confirm({
          title: '连接未加密',
          content: e.error.message,
          okText: '仍然登录',
          okButtonProps: { danger: true },
          cancelText: '返回修改地址',
          onOk: () => login(values, true),
        });
      } else {
        message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };
  const runSync = async () => {
    setBusy(true);
    try {
      message.success(await syncNow());
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const configured = status.state !== 'not-configured';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="状态">
          <span data-testid="sync-state-text">{STATE_TEXT[status.state]}</span>
          {status.pending > 0 && `（${status.pending} 项待同步）`}
        </Descriptions.Item>
        <Descriptions.Item label="上次同步">{formatTime(status.lastSyncAt)}</Descriptions.Item>
        {configured && <Descriptions.Item label="服务器">{status.serverUrl}</Descriptions.Item>}
        {configured && <Descriptions.Item label="服务机构">{status.agencyName}</Descriptions.Item>}
        {configured && <Descriptions.Item label="登录名">{status.login}</Descriptions.Item>}
      </Descriptions>
      {status.error && (
        <Alert
          type={status.state === 'offline' ? 'info' : 'error'}
          showIcon
          message={status.state === 'offline' ? '当前离线' : '同步出错'}
          description={`${status.error.message}（${formatTime(status.error.at)}）`}
        />
      )}
      {configured && (
        <Button type="primary" loading={busy || status.state === 'syncing'} onClick={() => void runSync()}>
          立即同步
        </Button>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void login(v)}
        initialValues={{ serverUrl: status.serverUrl ?? '', login: status.login ?? '' }}
        aria-label="登录同步服务器"
      >
        <Typography.Title level={5}>{configured ? '重新登录 / 更换服务器' : '登录同步服务器'}</Typography.Title>
        <Form.Item name="serverUrl" label="服务器地址" rules={[{ required: true, message: '请填写服务器地址' }]}>
          <Input placeholder="例如 https://sync.example.cn" />
        </Form.Item>
        <Form.Item name="login" label="登录名" rules={[{ required: true, message: '请填写登录名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          登录
        </Button>
      </Form>
    </Space>
  );
}

function ConflictCard({ c, onDone }: { c: SyncConflict; onDone: () => void }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<string | null>(null);
  const resolve = async (choice: 'mine' | 'theirs' | 'edited') => {
    try {
      await call('sync.resolveConflict', { id: c.id, choice, ...(choice === 'edited' ? { value: editing ?? '' } : {}) });
      message.success('已处理，修改会在下次同步时上传。');
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    // Each card is a named group, its two values named groups too: a screen reader (and a test) finds them by name.
    <List.Item role="group" aria-label={`冲突：${c.entityLabel} · ${fieldLabel(c.entity, c.field)}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>
          {c.entityLabel} · {fieldLabel(c.entity, c.field)}
        </Typography.Text>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <div role="group" aria-label="我的修改" style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 8 }}>
            <Typography.Text type="secondary">我的修改</Typography.Text>
            <div>{showValue(c.mine)}</div>
          </div>
          <div role="group" aria-label="服务器上的（当前显示）" style={{ border: '1px solid #91caff', borderRadius: 6, padding: 8, background: '#f0f7ff' }}>
            <Typography.Text type="secondary">服务器上的（当前显示）</Typography.Text>
            <div>{showValue(c.current ?? c.theirs)}</div>
          </div>
        </div>
        {editing !== null && <Input.TextArea value={editing} onChange={(e) => setEditing(e.target.value)} autoSize aria-label="编辑后的值" />}
        <Space wrap>
          <Button onClick={() => void resolve('mine')}>保留我的</Button>
          <Button onClick={() => void resolve('theirs')}>保留服务器的</Button>
          {editing === null ? (
            <Button onClick={() => setEditing(typeof c.mine === 'string' ? c.mine : showValue(c.mine))}>编辑后保存</Button>
          ) : (
            <Button type="primary" onClick={() => void resolve('edited')}>
              保存编辑后的值
            </Button>
          )}
        </Space>
      </Space>
    </List.Item>
  );
}

function ConflictsTab() {
  const [items, setItems] = useState<SyncConflict[]>([]);
  const refresh = useSyncStore((s) => s.refresh);
  const open = useSyncStore((s) => s.status?.openConflicts ?? 0);
  const load = () => call('sync.conflicts', {}).then(setItems, () => undefined);
  useEffect(() => {
    void load();
  }, [open]);
  if (items.length === 0) return <Empty description="没有同步冲突" />;
  return (
    <List
      header="他人同时修改了同一字段：服务器上的值已先显示，两个值都保留着，请逐项选择。"
      dataSource={items}
      renderItem={(c) => (
        <ConflictCard
          key={c.id}
          c={c}
          onDone={() => {
            void load();
            void refresh();
          }}
        />
      )}
    />
  );
}

const ISSUE_TAGS: Record<SyncIssue['status'], { color: string; text: string }> = {
  rejected: { color: 'red', text: '被拒绝' },
  locked: { color: 'purple', text: '已签署锁定' },
  // A row from the server this device could not apply (docs/sync.md §Quarantine).
  quarantined: { color: 'orange', text: '未能接收' },
};

function IssuesTab() {
  const [items, setItems] = useState<SyncIssue[]>([]);
  const refresh = useSyncStore((s) => s.refresh);
  const open = useSyncStore((s) => s.status?.openIssues ?? 0);
  const load = () => call('sync.issues', {}).then(setItems, () => undefined);
  useEffect(() => {
    void load();
  }, [open]);
  if (items.length === 0) return <Empty description="没有未被接受的修改" />;
  return (
    <List
      dataSource={items}
      renderItem={(i) => (
        <List.Item
          actions={[
            <Button
              key="ok"
              size="small"
              onClick={() =>
                void call('sync.dismissIssue', { id: i.id }).then(() => {
                  void load();
                  void refresh();
                })
              }
            >
              知道了
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={
              <Space>
                <Tag color={ISSUE_TAGS[i.status].color}>{ISSUE_TAGS[i.status].text}</Tag>
                {i.recordName}
                {i.field === '*' ? '' : ` · ${fieldLabel(i.entity, i.field)}`}
              </Space>
            }
            description={
              <>
                <div>{i.message}</div>
                {i.status === 'quarantined' ? null : <div>您当时填写的值：{showValue(i.value)}</div>}
                <Typography.Text type="secondary">{i.advice}</Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

export function SyncDrawer() {
  const open = useSyncStore((s) => s.drawerOpen);
  const tab = useSyncStore((s) => s.drawerTab);
  const close = useSyncStore((s) => s.closeDrawer);
  const openDrawer = useSyncStore((s) => s.openDrawer);
  const status = useSyncStore((s) => s.status);
  return (
    <Drawer title="数据同步" open={open} onClose={close} width={560} destroyOnHidden>
      <Tabs
        activeKey={tab}
        onChange={(k) => openDrawer(k as typeof tab)}
        items={[
          { key: 'status', label: '状态与登录', children: <StatusTab /> },
          { key: 'pending', label: `待同步（${status?.pending ?? 0}）`, children: <PendingRecordList /> },
          { key: 'conflicts', label: `冲突（${status?.openConflicts ?? 0}）`, children: <ConflictsTab /> },
          { key: 'issues', label: `未被接受（${status?.openIssues ?? 0}）`, children: <IssuesTab /> },
        ]}
      />
    </Drawer>
  );
}
