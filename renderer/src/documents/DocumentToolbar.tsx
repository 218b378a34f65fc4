import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ArrowLeftOutlined, DiffOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';
import { definitionOf } from '../../../shared/forms/registry.js';
import { SyncConflictBadge } from '../sync/SyncConflictBadge.js';
import { SignatureControls } from './SignatureControls.js';
import { RevisionCompare } from './RevisionCompare.js';
import type { SaveState } from './use-draft-autosave.js';

function saveStateText(s: SaveState): { text: string; type?: 'danger' | 'secondary' } {
  switch (s.kind) {
    case 'saving':
      return { text: '正在保存…', type: 'secondary' };
    case 'saved':
      return { text: `已自动保存 ${dayjs(s.at).format('HH:mm:ss')}`, type: 'secondary' };
    case 'error':
      return { text: `未能保存：${s.message}（内容已保留在本机，稍后自动重试）`, type: 'danger' };
    default:
      return { text: '' };
  }
}

interface Props {
  view: DocumentView;
  busy: boolean;
  saveState: SaveState;
  onBack(): void;
  onExport(format: 'docx' | 'xlsx'): void;
  onComplete(): void;
  onReopen(): void;
  flush(): Promise<void>;
  onSigned(view: DocumentView): void;
  onRevised(record: DocumentRecord): void;
}

/** The editor's top bar: back, title and state, the save status, exports, and the state changes. */
export function DocumentToolbar({ view, busy, saveState, onBack, onExport, onComplete, onReopen, flush, onSigned, onRevised }: Props) {
  const { record, signed } = view;
  const [comparing, setComparing] = useState(false);
  const hasRevisions = record.revision > 1 || view.supersededBy !== null;
  const def = definitionOf(record.kind);
  const completed = record.status === 'completed';
  const save = saveStateText(saveState);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            返回列表
          </Button>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {def.tableNumber} {def.title}
          </Typography.Title>
          <Tag color={signed ? 'blue' : completed ? 'green' : 'gold'}>{signed ? def.statusWording.signed : def.statusWording[record.status]}</Tag>
          {record.revision > 1 && <Tag>第 {record.revision} 版</Tag>}
          <SyncConflictBadge entity={def.entity} rowId={record.id} />
          <Typography.Text type={save.type} role="status" aria-live="polite">
            {save.text}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => onExport('docx')} loading={busy}>
            导出 Word
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => onExport('xlsx')} loading={busy}>
            导出 Excel
          </Button>
          {hasRevisions && (
            <Button icon={<DiffOutlined />} onClick={() => setComparing(true)}>
              版本对比
            </Button>
          )}
          <SignatureControls view={view} flush={flush} onSigned={onSigned} onRevised={onRevised} />
          {signed ? null : completed ? (
            <Button onClick={onReopen} loading={busy}>
              重新打开
            </Button>
          ) : (
            <Button type="primary" onClick={onComplete} loading={busy}>
              完成
            </Button>
          )}
        </Space>
      </Space>
      {hasRevisions && <RevisionCompare record={record} open={comparing} onClose={() => setComparing(false)} />}
    </Card>
  );
}
