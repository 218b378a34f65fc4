// Under each side of a signed document's signature block: its signature and seal images, or 「纸质签署，待上传
// 扫描件」 with a way to attach the scan of the signed page and its date (allowed on a locked document).
import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DocumentView } from '../../../../shared/contract/documents-contract.js';
import type { PreparedImage } from '../../../../shared/domain/side-signature.js';
import { definitionOf } from '../../../../shared/forms/registry.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';
import { ImagePicker } from './ImagePicker.js';
import { pngDataUrl } from './image-files.js';

function StoredImage({ refValue, alt, maxHeight }: { refValue: string | null; alt: string; maxHeight: number }) {
  const [src, setSrc] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!refValue) return;
    let live = true;
    call('documents.signatureImage', { ref: refValue })
      .then((r) => live && setSrc(r.base64 ? pngDataUrl(r.base64) : null))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [refValue]);
  if (!refValue) return null;
  if (src === null) return <Typography.Text type="secondary">{`${alt}尚未同步到本机`}</Typography.Text>;
  return src ? <img src={src} alt={alt} style={{ maxHeight, maxWidth: 200, display: 'block' }} /> : null;
}

interface Props {
  view: DocumentView;
  side: string;
  onChanged(view: DocumentView): void;
}

export function SideSignatureBlock({ view, side, onChanged }: Props) {
  const def = definitionOf(view.record.kind);
  const party = def.signature.find((p) => p.key === side);
  const record = view.sides.find((s) => s.side === side);
  const [open, setOpen] = useState(false);
  const [scan, setScan] = useState<PreparedImage | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (!party || !record) return null;
  const label = party.label;

  const attach = async () => {
    const missing: Record<string, string> = {};
    if (!scan) missing.scan = '请选择已签字盖章页面的扫描件（PNG/JPEG）。';
    if (!date) missing.signedOn = '请填写纸质签署的日期。';
    setErrors((e) => ({ ...e, ...missing }));
    if (!scan || !date) return;
    setBusy(true);
    try {
      onChanged(await call('documents.attachPaperScan', { kind: view.record.kind, id: view.record.id, side, scan: scan.base64, signedOn: date, signerName: name }));
      setOpen(false);
    } catch (e) {
      const what = e instanceof RpcFailure ? /\.(\w+)$/.exec(e.error.field ?? '')?.[1] : undefined;
      setErrors((x) => ({ ...x, [what ?? 'scan']: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ marginTop: 8 }} aria-label={`${label}签署情况`} role="group">
      {record.method === 'paper' ? (
        record.paperScanRef ? (
          <Space direction="vertical" size={2}>
            <Typography.Text>{`纸质签署${record.signedOn ? `，${dayjs(record.signedOn).format('YYYY年MM月DD日')}` : ''}${record.signerName ? `，${record.signerName}` : ''}`}</Typography.Text>
            <StoredImage refValue={record.paperScanRef} alt={`${label}纸质签署扫描件`} maxHeight={160} />
          </Space>
        ) : (
          <Space wrap>
            <Typography.Text type="warning">纸质签署，待上传扫描件</Typography.Text>
            <Button size="small" onClick={() => setOpen(true)} aria-label={`上传${label}纸质签署扫描件`}>
              上传扫描件
            </Button>
          </Space>
        )
      ) : (
        <Space align="end" wrap>
          <StoredImage refValue={record.signatureRef} alt={`${label}签名`} maxHeight={60} />
          <StoredImage refValue={record.sealRef} alt={`${label}印章`} maxHeight={90} />
          <Typography.Text type="secondary">{`${record.signerName}${record.signedOn ? ` · ${dayjs(record.signedOn).format('YYYY年MM月DD日')}` : ''}`}</Typography.Text>
        </Space>
      )}
      <Modal
        title={`上传${label}纸质签署扫描件`}
        open={open}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void attach()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <ImagePicker
            label="已签字盖章页面的扫描件"
            source="page"
            value={scan}
            error={errors.scan}
            onChange={(image, message) => {
              setScan(image);
              setErrors(({ scan: _gone, ...rest }) => (message ? { ...rest, scan: message } : rest));
            }}
          />
          <label htmlFor={`paper-${side}-date`}>签署日期</label>
          <DatePicker
            id={`paper-${side}-date`}
            value={date ? dayjs(date) : null}
            status={errors.signedOn ? 'error' : undefined}
            onChange={(d) => {
              setDate(d ? d.format('YYYY-MM-DD') : null);
              setErrors(({ signedOn: _gone, ...rest }) => rest);
            }}
          />
          {errors.signedOn && <Typography.Text type="danger">{errors.signedOn}</Typography.Text>}
          <label htmlFor={`paper-${side}-name`}>签字人（可选）</label>
          <Input id={`paper-${side}-name`} value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
        </Space>
      </Modal>
    </div>
  );
}
