import { Typography } from 'antd';
import type { LayoutRow } from '../../../../shared/forms/layout.js';

export function HeadingRow({ row }: { row: Extract<LayoutRow, { kind: 'heading' }> }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 8 }}>
      {row.text}
    </Typography.Title>
  );
}
