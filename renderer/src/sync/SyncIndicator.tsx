// The sync state, always visible in the app header: 已同步 / 有 N 项待同步 / 离线 / 同步出错 / 正在同步.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Badge, Button, Progress, Space, Tag, Tooltip } from 'antd';
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, ExclamationCircleOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { SyncStatus } from '../../../shared/contract/sync-contract.js';
import { startSyncPolling, useSyncStore } from './sync-store.js';
// The drawer's code (forms, tabs, lists) loads when it is first opened, not with the first screen.
const SyncDrawer = lazy(async () => ({ default: (await import('./SyncDrawer.js')).SyncDrawer }));
import { formatTime } from './format-time.js';

function describe(s: SyncStatus): { color: string; icon: React.ReactNode; text: string; hint: string } {
  switch (s.state) {
    case 'not-configured':
      return { color: 'default', icon: <CloudOutlined />, text: '未连接同步服务器', hint: '数据只保存在本机。点击登录同步服务器，与同事共享数据。' };
    case 'synced':
      return { color: 'green', icon: <CheckCircleOutlined />, text: '已同步', hint: `上次同步：${formatTime(s.lastSyncAt)}` };
    case 'pending':
      return { color: 'gold', icon: <CloudSyncOutlined />, text: `有 ${s.pending} 项待同步`, hint: '修改已保存在本机，稍后会自动上传。' };
    case 'syncing':
      return { color: 'blue', icon: <CloudSyncOutlined spin />, text: '正在同步…', hint: '同步进行中，可以继续工作。' };
    case 'offline':
      return {
        color: 'default',
        icon: <DisconnectOutlined />,
        text: s.pending ? `离线 · ${s.pending} 项待同步` : '离线',
        hint: `${s.error?.message ?? '无法连接同步服务器。'} 上次同步：${formatTime(s.lastSyncAt)}`,
      };
    case 'error':
      return { color: 'red', icon: <ExclamationCircleOutlined />, text: '同步出错', hint: s.error?.message ?? '同步失败，请查看详情。' };
  }
}

export function SyncIndicator() {
  const status = useSyncStore((s) => s.status);
  const openDrawer = useSyncStore((s) => s.openDrawer);
  const drawerOpen = useSyncStore((s) => s.drawerOpen);
  const [drawerWanted, setDrawerWanted] = useState(false);
  useEffect(() => startSyncPolling(), []);
  useEffect(() => {
    if (drawerOpen) setDrawerWanted(true);
  }, [drawerOpen]);
  if (!status) return null;
  const d = describe(status);
  const attention = status.openConflicts + status.openIssues;
  const progress = status.progress && status.progress.total > 0 ? Math.min(99, Math.round((status.progress.done / status.progress.total) * 100)) : null;
  return (
    <>
      <Space size={8} data-testid="sync-indicator" data-sync-state={status.state}>
        <Tooltip title={d.hint}>
          <Badge count={attention} size="small" title={attention ? `${attention} 项需要处理` : undefined}>
            <Button size="small" onClick={() => openDrawer(status.openConflicts ? 'conflicts' : status.openIssues ? 'issues' : 'status')} aria-label={`同步状态：${d.text}`}>
              <Tag color={d.color} icon={d.icon} style={{ marginInlineEnd: 0, border: 'none', background: 'transparent' }}>
                {d.text}
              </Tag>
            </Button>
          </Badge>
        </Tooltip>
        {status.state === 'syncing' && progress !== null && status.progress!.total > 20 && (
          <Progress percent={progress} size="small" style={{ width: 120, margin: 0 }} aria-label="同步进度" />
        )}
      </Space>
      {drawerWanted && (
        <Suspense fallback={null}>
          <SyncDrawer />
        </Suspense>
      )}
    </>
  );
}
