import { Typography } from 'antd';
import type { LayoutRow } from '../../../../shared/forms/layout.js';

export function HeadingRow({ row }: { row: Extract<LayoutRow, { kind: 'heading' }> }) {
  // Column captions (「评估科目 | 培育前 | 培育后」) are for paper: each input of the form names its column.
  if (row.columns) return null;
  return (
    <Typography.Title level={5} style={{ marginTop: 8 }}>
      {row.text}
    </Typography.Title>
  );
}
