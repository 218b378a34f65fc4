import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { BackupInfo } from '../../../shared/contract/data-contract.js';
import { call, errorMessage } from '../api/client.js';
import { useAppStore } from '../store/app-store.js';
import { backupReasonLabel, formatBytes, formatDateTime } from '../components/backup-labels.js';
import { LoadDemoButton } from '../components/LoadDemoButton.js';
import { HistoryLog } from '../components/HistoryLog.js';
import { useHistoryStore } from '../store/history-store.js';

export function SettingsPage() {
  const { message, modal } = App.useApp();
  const status = useAppStore((s) => s.status);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [keepManual, setKeepManual] = useState<number | null>(null);

  const load = () => {
    call('backups.list', {}).then(setBackups, (e: unknown) => message.error(errorMessage(e)));
    call('backups.settings', {}).then((s) => setKeepManual(s.keepManual), () => undefined);
  };
  const saveKeepManual = async (value: number | null) => {
    if (value === null || value === keepManual) return;
    try {
      setKeepManual((await call('backups.settings', { keepManual: value })).keepManual);
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  useEffect(load, [message]);
  /** After a restore or the demo data, the history changed too. */
  const reloadAll = () => {
    load();
    void useHistoryStore.getState().load();
    void useHistoryStore.getState().loadRecords();
  };

  const backupNow = async () => {
    try {
      const b = await call('backups.create', {});
      message.success(`已备份（${formatBytes(b.sizeBytes)}）`);
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const restore = (b: BackupInfo) =>
    modal.confirm({
      title: '从这份备份恢复？',
      content: `数据将回到 ${formatDateTime(b.createdAt)} 的状态。当前数据会先自动另存为一份备份，恢复后仍可找回。`,
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await call('backups.restore', { name: b.name });
          message.success(`已恢复。恢复前的数据保存为 ${r.keptAs}`);
          reloadAll();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="本机数据" size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="数据文件夹">
            <Typography.Text copyable>{status?.dataDir}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="数据库文件">{status?.databaseFile}</Descriptions.Item>
          <Descriptions.Item label="程序版本">
            {status?.appVersion}（数据结构版本 {status?.schemaVersion}）
          </Descriptions.Item>
        </Descriptions>
        <LoadDemoButton onLoaded={reloadAll} />
      </Card>
      <Card
        title="数据备份"
        size="small"
        extra={
          <Button type="primary" onClick={() => void backupNow()}>
            立即备份
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">每天首次打开工作台时自动备份一次，保留最近 14 份。</Typography.Paragraph>
        <Space style={{ marginBottom: 12 }}>
          <label htmlFor="keep-manual-backups">手动备份保留份数</label>
          <InputNumber
            id="keep-manual-backups"
            aria-label="手动备份保留份数"
            min={1}
            max={1000}
            precision={0}
            value={keepManual}
            onBlur={(e) => void saveKeepManual(Number(e.target.value) || null)}
            onPressEnter={(e) => void saveKeepManual(Number((e.target as HTMLInputElement).value) || null)}
          />
          <Typography.Text type="secondary">超出后自动删除最早的手动备份</Typography.Text>
        </Space>
        <Table<BackupInfo>
          size="small"
          rowKey="name"
          dataSource={backups}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无备份' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: formatDateTime },
            { title: '类型', dataIndex: 'reason', render: (r: BackupInfo['reason']) => <Tag>{backupReasonLabel(r)}</Tag> },
            { title: '大小', dataIndex: 'sizeBytes', render: formatBytes },
            { title: '操作', key: 'a', width: 90, render: (_, b) => <Button size="small" onClick={() => restore(b)}>恢复</Button> },
          ]}
        />
      </Card>
      <Card title="操作记录" size="small">
        <HistoryLog />
      </Card>
    </Space>
  );
}
