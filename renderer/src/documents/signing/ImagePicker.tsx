// Choosing a PNG/JPEG signature, seal or page scan: checked and prepared by the backend at once, its message (「图片
// 太大…」, 「这不是 PNG 或 JPEG 图片…」) next to the field, the prepared image shown when it is accepted.
import { useId, useState } from 'react';
import { Space, Typography } from 'antd';
import type { PreparedImage, SignatureImageSource } from '../../../../shared/domain/side-signature.js';
import { errorMessage } from '../../api/client.js';
import { pngDataUrl, prepareChosenImage } from './image-files.js';

interface Props {
  label: string;
  source: SignatureImageSource;
  value: PreparedImage | null;
  error: string | undefined;
  onChange(image: PreparedImage | null, message: string | null): void;
}

export function ImagePicker({ label, source, value, error, onChange }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical" size={4}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg"
        aria-describedby={error ? `${id}-help` : undefined}
        aria-invalid={Boolean(error)}
        disabled={busy}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          try {
            onChange(await prepareChosenImage(file, source), null);
          } catch (err) {
            onChange(null, errorMessage(err));
          } finally {
            setBusy(false);
          }
        }}
      />
      {busy && <Typography.Text type="secondary">正在检查图片…</Typography.Text>}
      {error && (
        <Typography.Text id={`${id}-help`} type="danger">
          {error}
        </Typography.Text>
      )}
      {value && <img src={pngDataUrl(value.base64)} alt={`${label}预览`} style={{ maxWidth: 200, maxHeight: source === 'page' ? 200 : 80, border: '1px solid #f0f0f0' }} />}
    </Space>
  );
}
