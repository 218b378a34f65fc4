import { useState } from 'react';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';
import { definitionOf } from '../../../shared/forms/registry.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { FieldControl } from '../forms/FieldControl.js';
import { SigningDialog } from './signing/SigningDialog.js';

interface Props {
  view: DocumentView;
  /** Saves pending edits first, so what is signed is what is on screen. */
  flush(): Promise<void>;
  onSigned(view: DocumentView): void;
  onRevised(record: DocumentRecord): void;
}

/** Signing a completed document (sync.md §7; the dialog: signing/SigningDialog.tsx) and starting a new revision of a signed one. */
export function SignatureControls({ view, flush, onSigned, onRevised }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [reviseOpen, setReviseOpen] = useState(false);
  const [signOpen, setSignOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // Both sides' agreement to the change (§5.2.4 d), for definitions that ask for it; messages per field.
  const [agreement, setAgreement] = useState<Record<string, string>>({});
  const [agreementErrors, setAgreementErrors] = useState<Record<string, string>>({});
  const { record, signed, supersededBy } = view;
  const def = definitionOf(record.kind);
  const agreementFields = (def.revisionAgreement?.fields ?? []).flatMap((k) => def.fields.filter((f) => f.key === k));

  const revise = async () => {
    if (!reason.trim()) {
      setReasonError('请填写修订原因。');
      return;
    }
    const missing = Object.fromEntries(agreementFields.filter((f) => !agreement[f.key]?.trim()).map((f) => [f.key, `请填写「${f.label}」`]));
    if (Object.keys(missing).length > 0) {
      setAgreementErrors(missing);
      return;
    }
    setBusy(true);
    try {
      const next = await call('documents.revise', { kind: record.kind, id: record.id, reason, ...(agreementFields.length > 0 ? { agreement } : {}) });
      setReviseOpen(false);
      setReason('');
      setAgreement({});
      message.success(`已新建第 ${next.revision} 版`);
      onRevised(next);
    } catch (e) {
      if (e instanceof RpcFailure && e.error.issues) setAgreementErrors(Object.fromEntries(e.error.issues.map((i) => [i.field, i.message])));
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!signed) {
    return record.status === 'completed' ? (
      <>
        <Button type="primary" onClick={() => setSignOpen(true)} loading={busy}>
          签署
        </Button>
        <SigningDialog
          view={view}
          open={signOpen}
          flush={flush}
          onClose={() => setSignOpen(false)}
          onSigned={(next) => {
            setSignOpen(false);
            message.success('已签署，同步后在所有设备上生效');
            onSigned(next);
          }}
        />
      </>
    ) : null;
  }

  return (
    <Space wrap>
      {/* The toolbar's state tag already says 已签署; here, when. */}
      {signed.at && <Typography.Text type="secondary">签署于 {dayjs(signed.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>}
      {supersededBy ? (
        <Typography.Text type="secondary">已被第 {supersededBy.revision} 版取代</Typography.Text>
      ) : (
        <Button onClick={() => setReviseOpen(true)} loading={busy}>
          修订（新版本）
        </Button>
      )}
      <Modal
        title="修订（新版本）"
        open={reviseOpen}
        okText="新建修订版本"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void revise()}
        onCancel={() => setReviseOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          已签署的第 {record.revision} 版保持不变、仍可查阅；将复制其全部内容，新建第 {record.revision + 1} 版草稿供修改。
        </Typography.Paragraph>
        <label htmlFor="doc-revision-reason">修订原因</label>
        <Input.TextArea
          id="doc-revision-reason"
          value={reason}
          maxLength={500}
          rows={3}
          status={reasonError ? 'error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(null);
          }}
        />
        {reasonError && <Typography.Text type="danger">{reasonError}</Typography.Text>}
        {agreementFields.length > 0 && (
          <>
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>变更须经双方协商一致同意（T/GXAS 453-2023 第 5.2.4 条 d）：</Typography.Paragraph>
            {agreementFields.map((f) => (
              <div key={f.key} style={{ marginBottom: 8 }}>
                <label htmlFor={`doc-revision-${f.key}`}>{f.label}</label>
                <FieldControl
                  def={f}
                  id={`doc-revision-${f.key}`}
                  value={agreement[f.key]}
                  describedBy={agreementErrors[f.key] ? `doc-revision-${f.key}-help` : undefined}
                  invalid={Boolean(agreementErrors[f.key])}
                  onChange={(text) => {
                    setAgreement((a) => ({ ...a, [f.key]: text ?? '' }));
                    setAgreementErrors(({ [f.key]: _gone, ...rest }) => rest);
                  }}
                />
                {agreementErrors[f.key] && (
                  <Typography.Text id={`doc-revision-${f.key}-help`} type="danger">
                    {agreementErrors[f.key]}
                  </Typography.Text>
                )}
              </div>
            ))}
          </>
        )}
      </Modal>
    </Space>
  );
}
