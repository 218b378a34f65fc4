// A badge on a record that has open sync conflicts; clicking opens the side-by-side choice.
import { useEffect, useState } from 'react';
import { Tag } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { call } from '../api/client.js';
import { useSyncStore } from './sync-store.js';

export function SyncConflictBadge({ entity, rowId }: { entity: string; rowId: string }) {
  const [count, setCount] = useState(0);
  const openConflicts = useSyncStore((s) => s.status?.openConflicts ?? 0);
  const openDrawer = useSyncStore((s) => s.openDrawer);
  useEffect(() => {
    let alive = true;
    call('sync.conflicts', { entity, rowId }).then(
      (list) => alive && setCount(list.length),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [entity, rowId, openConflicts]);
  if (count === 0) return null;
  return (
    <Tag color="orange" icon={<WarningOutlined />} style={{ cursor: 'pointer' }} onClick={() => openDrawer('conflicts')} data-testid="sync-conflict-badge">
      {count} 处同步冲突，点此处理
    </Tag>
  );
}
