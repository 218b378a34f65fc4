import { useMemo } from 'react';
import { Typography } from 'antd';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { useEditor } from '../editor-context.js';

/** A picture the service renders for the document (e.g. the evaluation's chart). */
export function ImageRow({ row }: { row: Extract<LayoutRow, { kind: 'image' }> }) {
  const ed = useEditor();
  const image = ed.images[row.image];
  const url = useMemo(() => (image ? URL.createObjectURL(new Blob([image.png.slice()], { type: 'image/png' })) : null), [image]);
  return (
    <figure style={{ margin: '0 0 14px' }}>
      {url ? <img src={url} alt={row.caption} style={{ maxWidth: '100%' }} /> : <Typography.Text type="secondary">（图表尚未生成）</Typography.Text>}
      <figcaption>{row.caption}</figcaption>
    </figure>
  );
}
