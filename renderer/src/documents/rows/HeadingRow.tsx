import { Typography } from 'antd';
import type { LayoutRow } from '../../../../shared/forms/layout.js';

/** A heading; with a lead (「第一条」) the opening of an article, the lead bold; with an empty lead a plain line. */
export function HeadingRow({ row }: { row: Extract<LayoutRow, { kind: 'heading' }> }) {
  // Column captions (「评估科目 | 培育前 | 培育后」) are for paper: each input of the form names its column.
  if (row.columns) return null;
  if (row.lead !== undefined) {
    return (
      <p style={{ margin: '8px 0' }}>
        {row.lead && <Typography.Text strong>{row.lead} </Typography.Text>}
        {row.text}
      </p>
    );
  }
  return (
    <Typography.Title level={5} style={{ marginTop: 8 }}>
      {row.text}
    </Typography.Title>
  );
}
