import { useState } from 'react';
import { App, Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';
import { ReviseModal } from './ReviseModal.js';
import { SigningDialog } from './signing/SigningDialog.js';

interface Props {
  view: DocumentView;
  /** Saves pending edits first, so what is signed is what is on screen. */
  flush(): Promise<void>;
  onSigned(view: DocumentView): void;
  onRevised(record: DocumentRecord): void;
}

/**
 * Signing a completed document (each side drawn, by image or on paper: signing/SigningDialog.tsx) and starting a
 * new revision of a signed one (docs/sync.md §Signing). Signing needs no server: the document is locked here at
 * once; where a sync server is set up, it confirms the signature later.
 */
export function SignatureControls({ view, flush, onSigned, onRevised }: Props) {
  const { message } = App.useApp();
  const [reviseOpen, setReviseOpen] = useState(false);
  const [signOpen, setSignOpen] = useState(false);
  const { record, signed, supersededBy } = view;

  if (!signed) {
    return record.status === 'completed' ? (
      <>
        <Button type="primary" onClick={() => setSignOpen(true)}>
          签署
        </Button>
        <SigningDialog
          view={view}
          open={signOpen}
          flush={flush}
          onClose={() => setSignOpen(false)}
          onSigned={(next) => {
            setSignOpen(false);
            message.success(next.signed?.awaitingServer ? '已签署，同步后由服务器确认并在所有设备上生效' : '已签署，本机已锁定为只读');
            onSigned(next);
          }}
        />
      </>
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
        <Button onClick={() => setReviseOpen(true)}>修订（新版本）</Button>
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
