import { Col, Row } from 'antd';
import { findField } from '../../../../shared/forms/document-definition.js';
import type { LayoutRow, ValueRef } from '../../../../shared/forms/layout.js';
import { labelOf, printValue } from '../../../../shared/forms/print-cells.js';
import { snapshotOf } from '../../../../shared/forms/snapshot-fields.js';
import { useEditor } from '../editor-context.js';
import { SnapshotValue } from './SnapshotValue.js';

/** A value of a row: an editable field, a computed value, or a value of the incubator/agency copy (read-only). */
export function RefItem({ item, span }: { item: ValueRef; span: number }) {
  const ed = useEditor();
  if (item.source === 'computed') return <>{ed.computed(item.key, span)}</>;
  if (snapshotOf(item.source)) {
    return (
      <Col span={span}>
        <SnapshotValue label={labelOf(ed.def, item)} text={printValue({ ...ed, check: ed.check }, item)} />
      </Col>
    );
  }
  const f = findField(ed.def, item.key);
  return f ? <>{ed.field(f, span)}</> : null;
}

export function PairRow({ row }: { row: Extract<LayoutRow, { kind: 'pair' }> }) {
  return (
    <Row gutter={16}>
      {row.items.map((item) => (
        <RefItem key={`${item.source}.${item.key}`} item={item} span={row.items.length === 1 ? 24 : 12} />
      ))}
    </Row>
  );
}
