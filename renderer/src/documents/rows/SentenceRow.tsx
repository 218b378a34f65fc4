import { Row, Typography } from 'antd';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { RefItem } from './PairRow.js';

/** The standard's fill-in sentence: its count and the share computed from it. */
export function SentenceRow({ row }: { row: Extract<LayoutRow, { kind: 'sentence' }> }) {
  return (
    <div>
      <Typography.Text type="secondary">{row.label}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 6 }}>
        <RefItem item={{ source: 'values', key: row.field }} span={12} />
        <RefItem item={{ source: 'computed', key: row.computed }} span={12} />
      </Row>
    </div>
  );
}
