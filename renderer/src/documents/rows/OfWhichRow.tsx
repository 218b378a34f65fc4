import { Row } from 'antd';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { RefItem } from './PairRow.js';

/** 「其中」: the parts of a whole, grouped under their caption (a fieldset, so screen readers announce the group). */
export function OfWhichRow({ row }: { row: Extract<LayoutRow, { kind: 'of-which' }> }) {
  return (
    <fieldset style={{ border: '1px dashed #d9d9d9', borderRadius: 6, padding: '8px 12px 0', marginBottom: 14 }}>
      <legend style={{ fontSize: 13, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>{row.caption}</legend>
      <Row gutter={16}>
        {row.items.map((item) => (
          <RefItem key={item.key} item={item} span={12} />
        ))}
      </Row>
    </fieldset>
  );
}
