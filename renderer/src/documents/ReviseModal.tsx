import { useState } from 'react';
import { App, Input, Modal, Typography } from 'antd';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';
import { definitionOf } from '../../../shared/forms/registry.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { FieldControl } from '../forms/FieldControl.js';

interface Props {
  view: DocumentView;
  open: boolean;
  /** A signing-race proposal the new revision takes its values from (docs/sync.md §Signing). */
  proposalId?: string;
  initialReason?: string;
  onClose(): void;
  onRevised(record: DocumentRecord): void;
}

/** 修订（新版本）: the reason, and both sides' agreement for definitions that ask for it (§5.2.4 d). */
export function ReviseModal({ view, open, proposalId, initialReason = '', onClose, onRevised }: Props) {
  const { message } = App.useApp();
  const { record } = view;
  const def = definitionOf(record.kind);
  const agreementFields = (def.revisionAgreement?.fields ?? []).flatMap((k) => def.fields.filter((f) => f.key === k));
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState(initialReason);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [agreement, setAgreement] = useState<Record<string, string>>({});
  const [agreementErrors, setAgreementErrors] = useState<Record<string, string>>({});

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
      const next = await call('documents.revise', {
        kind: record.kind,
        id: record.id,
        reason,
        ...(agreementFields.length > 0 ? { agreement } : {}),
        ...(proposalId ? { proposalId } : {}),
      });
      setReason(initialReason);
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

  return (
    <Modal title="修订（新版本）" open={open} okText="新建修订版本" cancelText="取消" confirmLoading={busy} onOk={() => void revise()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        已签署的第 {record.revision} 版保持不变、仍可查阅；将复制其全部内容
        {proposalId ? '，并写入修订建议中的修改' : ''}，新建第 {record.revision + 1} 版草稿供修改。
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
  );
}
