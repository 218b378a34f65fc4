import type { CSSProperties } from 'react';
import { Col, Row, Tag, Typography } from 'antd';
import { findComputed, findField } from '../../../../shared/forms/document-definition.js';
import type { LayoutRow, ValueRef } from '../../../../shared/forms/layout.js';
import { compareChange } from '../../../../shared/forms/compare-change.js';
import { prefillOrigin } from '../../../../shared/forms/prefill.js';
import { formatStoredValue } from '../../../../shared/forms/format-values.js';
import type { FieldValue } from '../../../../shared/forms/field-definition.js';
import { FieldControl } from '../../forms/FieldControl.js';
import { fieldId, useEditor } from '../editor-context.js';

const DIRECTION_COLOR = { up: 'success', down: 'error', same: 'default' } as const;
/** Read by screen readers, not shown: the row's label is shown once above its two columns. */
const VISUALLY_HIDDEN: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/** 「培育前」 on screen; the whole label (「1.1 …（培育前）」) for screen readers and tests. */
function ColumnLabel({ full, column }: { full: string; column: string }) {
  return (
    <>
      <span style={VISUALLY_HIDDEN}>{full}</span>
      <span aria-hidden="true">{column}</span>
    </>
  );
}

/** Where a 培育前 value came from: 「取自诊断意见表」, or 「已改，诊断意见表中为 …」 when the consultant typed over it. */
function PrefillNote({ fieldKey }: { fieldKey: string }) {
  const ed = useEditor();
  const f = findField(ed.def, fieldKey);
  const values = { ...(ed.stored as Record<string, FieldValue>), ...ed.check.normalized };
  const origin = prefillOrigin(values, fieldKey);
  if (!origin || !f) return null;
  if (origin.state === 'taken') return <Typography.Text type="secondary">取自诊断意见表</Typography.Text>;
  const was = formatStoredValue(f, origin.value) || '空';
  return <Typography.Text type="warning">{`已改，诊断意见表中为 ${was}`}</Typography.Text>;
}

function CompareValue({ item, span, column, detailKey }: { item: ValueRef; span: number; column: string; detailKey?: string }) {
  const ed = useEditor();
  if (item.source === 'computed') {
    const c = findComputed(ed.def, item.key);
    return <>{ed.computed(item.key, span, c && <ColumnLabel full={c.label} column={column} />)}</>;
  }
  const f = findField(ed.def, item.key);
  if (!f) return null;
  const detail = detailKey ? findField(ed.def, detailKey) : undefined;
  const control = f.type === 'yesno' || f.type === 'choice' ? <FieldControl def={f} id={fieldId(f.key)} onChange={() => ed.saveNow()} /> : undefined;
  return (
    <Col span={span}>
      <Row gutter={8}>{ed.field(f, 24, control, { label: <ColumnLabel full={f.label} column={column} />, extra: <PrefillNote fieldKey={f.key} /> })}</Row>
      {detail && <Row gutter={8}>{ed.field(detail, 24, undefined, { label: <ColumnLabel full={detail.label} column={`${column}：${detail.label.replace(/^[\d.]+\s*/, '').replace(/（.+）$/, '')}`} /> })}</Row>}
    </Col>
  );
}

/** One quantity before and after cultivation, and its change coloured by direction. */
export function CompareRow({ row }: { row: Extract<LayoutRow, { kind: 'compare' }> }) {
  const ed = useEditor();
  const change = compareChange({ ...ed, check: ed.check }, row);
  return (
    <Row gutter={16} align="bottom" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <Col span={24}>
        <Typography.Text strong>{row.label}</Typography.Text>
      </Col>
      <CompareValue item={row.before} span={9} column="培育前" detailKey={row.detail?.before} />
      <CompareValue item={row.after} span={9} column="培育后" detailKey={row.detail?.after} />
      <Col span={6} role="status" aria-label={`${row.label} 变化`} style={{ paddingBottom: 22 }}>
        {change ? <Tag color={DIRECTION_COLOR[change.direction]}>{change.text}</Tag> : <Typography.Text type="secondary">—</Typography.Text>}
      </Col>
    </Row>
  );
}
