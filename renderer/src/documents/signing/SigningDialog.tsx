// The 签署 dialog (docs/signature-images.md §Signing): per side, draw on screen, choose images, or sign on paper
// later; 签署 stores the sides and signs in one step. A message from the backend about one side's input
// (`sides.<side>.<what>`) is shown next to that input.
import { useRef, useState } from 'react';
import { Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DocumentView } from '../../../../shared/contract/documents-contract.js';
import type { SideSignInput } from '../../../../shared/domain/side-signature.js';
import { definitionOf } from '../../../../shared/forms/registry.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';
import type { DrawPadHandle } from './DrawPad.js';
import { emptySide, SidePanel, type SideDraft } from './SidePanel.js';

interface Props {
  view: DocumentView;
  open: boolean;
  /** Saves pending edits first, so what is signed is what is on screen. */
  flush(): Promise<void>;
  onClose(): void;
  onSigned(view: DocumentView): void;
}

export function SigningDialog({ view, open, flush, onClose, onSigned }: Props) {
  const def = definitionOf(view.record.kind);
  const [drafts, setDrafts] = useState<Record<string, SideDraft>>(() => Object.fromEntries(def.signature.map((p) => [p.key, emptySide()])));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const pads = useRef<Record<string, DrawPadHandle | null>>({});
  const setError = (side: string, what: string, message: string) =>
    setDrafts((d) => ({ ...d, [side]: { ...d[side]!, errors: { ...d[side]!.errors, [what]: message } } }));

  /** What the backend is sent, or null when a side's input is missing (its message is then shown). */
  const collect = (): SideSignInput[] | null => {
    const today = dayjs().format('YYYY-MM-DD');
    let ok = true;
    const sides = def.signature.map((party): SideSignInput => {
      const d = drafts[party.key]!;
      const drawn = d.method === 'drawn' ? (pads.current[party.key]?.png() ?? null) : null;
      if (d.method !== 'paper' && !d.signerName.trim()) {
        setError(party.key, 'signerName', `请填写「${party.label}」签字人姓名。`);
        ok = false;
      }
      if (d.method === 'drawn' && !drawn) {
        setError(party.key, 'signature', '签名为空');
        ok = false;
      }
      if (d.method === 'image' && !d.signature && !d.seal) {
        setError(party.key, 'signature', `请为「${party.label}」选择签名图片或印章图片。`);
        ok = false;
      }
      return {
        side: party.key,
        method: d.method,
        signerName: d.signerName.trim(),
        signedOn: d.method === 'paper' ? null : today,
        signature: d.method === 'drawn' ? drawn : d.method === 'image' ? (d.signature?.base64 ?? null) : null,
        seal: d.method === 'image' ? (d.seal?.base64 ?? null) : null,
      };
    });
    return ok ? sides : null;
  };

  const sign = async () => {
    setFailure(null);
    const sides = collect();
    if (!sides) return;
    setBusy(true);
    try {
      await flush();
      onSigned(await call('documents.sign', { kind: view.record.kind, id: view.record.id, sides }));
    } catch (e) {
      const field = e instanceof RpcFailure ? /^sides\.([^.]+)\.(\w+)$/.exec(e.error.field ?? '') : null;
      if (field) setError(field[1]!, field[2]!, errorMessage(e));
      else setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`签署这份${def.shortName}？`}
      open={open}
      okText="签署"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void sign()}
      onCancel={onClose}
      width={920}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
    >
      <Typography.Paragraph type="secondary">
        签署后，这份{def.shortName}在本机立即变为只读，同步后在所有设备上都变为只读，任何人都不能再修改；如需更正，只能新建一个修订版本。请为每一方选择签署方式。
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        {def.signature.map((party) => (
          <SidePanel
            key={party.key}
            party={party}
            draft={drafts[party.key]!}
            onChange={(next) => setDrafts((d) => ({ ...d, [party.key]: next }))}
            onPad={(handle) => {
              pads.current[party.key] = handle;
            }}
          />
        ))}
      </div>
      {failure && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12, marginBottom: 0 }}>
          {failure}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
