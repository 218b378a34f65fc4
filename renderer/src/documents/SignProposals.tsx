// Edits another device made that raced the signature (docs/sync.md §Signing): never applied to the signed revision,
// shown here with the form's labels; one becomes a new revision through the usual revise dialog, or is set aside.
import { useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DocumentView, SignProposal } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';
import { call, errorMessage } from '../api/client.js';
import { ReviseModal } from './ReviseModal.js';

interface Props {
  view: DocumentView;
  onRevised(record: DocumentRecord): void;
  onChanged(view: DocumentView): void;
}

const TITLES: Record<SignProposal['reason'], string> = {
  raced: '修订建议：签署前另一台设备的修改未写入签署版本',
  'after-sign': '修订建议：签署后另一台设备的修改未写入签署版本',
};

export function SignProposals({ view, onRevised, onChanged }: Props) {
  const { message } = App.useApp();
  const [adopting, setAdopting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const proposals = view.proposals ?? [];
  if (!view.signed || proposals.length === 0) return null;

  const dismiss = async (p: SignProposal) => {
    setBusy(true);
    try {
      onChanged(await call('documents.dismissProposal', { kind: view.record.kind, id: view.record.id, proposalId: p.id }));
      message.success('已忽略这条修订建议');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {proposals.map((p) => (
        <Alert
          key={p.id}
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={TITLES[p.reason]}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{dayjs(p.proposedAt).format('YYYY-MM-DD HH:mm')}，签署的版本保持不变。</Typography.Text>
              <ul aria-label="建议的修改" style={{ margin: 0, paddingInlineStart: 20 }}>
                {p.changes.map((c) => (
                  <li key={c.field}>
                    {c.label}：{c.value}
                  </li>
                ))}
              </ul>
              {p.changes.some((c) => c.field.startsWith('items.')) && (
                <Typography.Text type="secondary">列表项的修改不会自动写入新版本，请在新版本中按此补录。</Typography.Text>
              )}
              <Space wrap>
                {view.supersededBy ? (
                  <Typography.Text type="secondary">已有第 {view.supersededBy.revision} 版修订，可在其中修改。</Typography.Text>
                ) : (
                  <Button type="primary" onClick={() => setAdopting(p.id)} disabled={busy}>
                    据此新建修订版本
                  </Button>
                )}
                <Button onClick={() => void dismiss(p)} loading={busy}>
                  忽略
                </Button>
              </Space>
            </Space>
          }
        />
      ))}
      <ReviseModal
        view={view}
        open={adopting !== null}
        proposalId={adopting ?? undefined}
        initialReason="采纳签署时未写入的修改"
        onClose={() => setAdopting(null)}
        onRevised={(r) => {
          setAdopting(null);
          onRevised(r);
        }}
      />
    </>
  );
}
