import { Row } from 'antd';
import { findField } from '../../../../shared/forms/document-definition.js';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { useEditor } from '../editor-context.js';

export function TextRow({ row }: { row: Extract<LayoutRow, { kind: 'text' }> }) {
  const ed = useEditor();
  const f = findField(ed.def, row.key);
  return f ? <Row>{ed.field(f, 24)}</Row> : null;
}
