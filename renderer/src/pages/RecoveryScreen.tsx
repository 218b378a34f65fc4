import { useEffect, useState } from 'react';
import { App, Button, Card, List, Result, Space, Typography } from 'antd';
import type { BackupInfo } from '../../../shared/contract/data-contract.js';
import { call, errorMessage } from '../api/client.js';
import { useAppStore } from '../store/app-store.js';
import { describeBackup } from '../components/backup-labels.js';

/** Shown instead of the app when the database file cannot be used. The file itself is never overwritten. */
export function RecoveryScreen() {
  const { modal, message } = App.useApp();
  const status = useAppStore((s) => s.status);
  const refreshStatus = useAppStore((s) => s.refreshStatus);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const problem = status?.database.state === 'problem' ? status.database : null;

  useEffect(() => {
    call('backups.list', {}).then(setBackups, () => setBackups([]));
  }, []);

  const restore = (b: BackupInfo) =>
    modal.confirm({
      title: '从这份备份恢复？',
      content: `将使用 ${describeBackup(b)} 的数据。无法打开的原文件会改名保留，不会删除。`,
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('backups.restore', { name: b.name });
          message.success('已从备份恢复');
          await refreshStatus();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const startFresh = () =>
    modal.confirm({
      title: '新建空数据库？',
      content: '无法打开的原文件会改名保留在数据文件夹中（不会删除），之后可交给技术人员尝试修复。',
      okText: '新建',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('system.startFresh', {});
          await refreshStatus();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <div style={{ maxWidth: 760, margin: '48px auto' }}>
      <Result
        status="warning"
        title={problem?.problem === 'newer-version' ? '数据库来自更新版本的工作台' : '数据库文件无法打开'}
        subTitle={
          <Space direction="vertical">
            <span role="alert">{problem?.message}</span>
            <Typography.Text type="secondary">原文件已保留：{problem?.keptFile}</Typography.Text>
          </Space>
        }
      />
      <Card title="从自动备份恢复" size="small">
        {backups.length === 0 ? (
          <Typography.Text type="secondary">没有可用的备份。</Typography.Text>
        ) : (
          <List
            dataSource={backups}
            renderItem={(b) => (
              <List.Item actions={[<Button key="r" onClick={() => restore(b)}>恢复</Button>]}>{describeBackup(b)}</List.Item>
            )}
          />
        )}
      </Card>
      <div style={{ textAlign: 'center', marginTop: 24 }}>
        <Button danger onClick={startFresh}>
          新建空数据库（保留原文件）
        </Button>
      </div>
    </div>
  );
}
