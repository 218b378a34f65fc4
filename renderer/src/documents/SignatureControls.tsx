import { useState } from 'react';
import { App, Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';
import { definitionOf } from '../../../shared/forms/registry.js';
import { call, errorMessage } from '../api/client.js';
import { ReviseModal } from './ReviseModal.js';

interface Props {
  view: DocumentView;
  /** Saves pending edits first, so what is signed is what is on screen. */
  flush(): Promise<void>;
  onSigned(view: DocumentView): void;
  onRevised(record: DocumentRecord): void;
}

/**
 * Signing a completed document and starting a new revision of a signed one (docs/sync.md §Signing). Signing needs
 * no server: the document is locked here at once; where a sync server is set up, it confirms the signature later.
 */
export function SignatureControls({ view, flush, onSigned, onRevised }: Props) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [reviseOpen, setReviseOpen] = useState(false);
  const { record, signed, supersededBy } = view;
  const def = definitionOf(record.kind);

  const sign = () => {
    modal.confirm({
      title: `签署这份${def.shortName}？`,
      content: `签署后，这份${def.shortName}在本机立即变为只读，同步后在所有设备上都变为只读，任何人都不能再修改；如需更正，只能新建一个修订版本。签署前请确认内容无误。`,
      okText: '签署',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          await flush();
          const next = await call('documents.sign', { kind: record.kind, id: record.id });
          onSigned(next);
          message.success(next.signed?.awaitingServer ? '已签署，同步后由服务器确认并在所有设备上生效' : '已签署，本机已锁定为只读');
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  if (!signed) {
    return record.status === 'completed' ? (
      <Button type="primary" onClick={sign} loading={busy}>
        签署
      </Button>
    ) : null;
  }

  return (
    <Space wrap>
      {/* The toolbar's state tag already says 已签署; here, when, and whether the server has confirmed it yet. */}
      {signed.at && <Typography.Text type="secondary">签署于 {dayjs(signed.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>}
      {signed.awaitingServer && <Tag color="orange">待服务器确认</Tag>}
      {supersededBy ? (
        <Typography.Text type="secondary">已被第 {supersededBy.revision} 版取代</Typography.Text>
      ) : (
        <Button onClick={() => setReviseOpen(true)} loading={busy}>
          修订（新版本）
        </Button>
      )}
      <ReviseModal
        view={view}
        open={reviseOpen}
        onClose={() => setReviseOpen(false)}
        onRevised={(r) => {
          setReviseOpen(false);
          onRevised(r);
        }}
      />
    </Space>
  );
}
