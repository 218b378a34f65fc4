import { Row } from 'antd';
import { findField } from '../../../../shared/forms/document-definition.js';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { FieldControl } from '../../forms/FieldControl.js';
import { fieldId, useEditor } from '../editor-context.js';

/** 是/否 and, when 是, the detail it asks for. */
export function YesNoDetailRow({ row }: { row: Extract<LayoutRow, { kind: 'yesno-detail' }> }) {
  const ed = useEditor();
  const yes = findField(ed.def, row.key);
  const detail = findField(ed.def, row.detailKey);
  if (!yes || !detail) return null;
  return (
    <Row gutter={16}>
      {ed.field(yes, 10, <FieldControl def={yes} id={fieldId(yes.key)} onChange={() => ed.saveNow()} />)}
      {ed.field(detail, 14)}
    </Row>
  );
}
