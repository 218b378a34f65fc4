import { Form, Input, Typography } from 'antd';
import { findField } from '../../../../shared/forms/document-definition.js';
import { clauseParts, type LayoutRow } from '../../../../shared/forms/layout.js';
import { fieldId, useEditor } from '../editor-context.js';

/** Running text with blanks: each blank an input inside the sentence, named by its field's label. */
export function ClauseRow({ row }: { row: Extract<LayoutRow, { kind: 'clause' }> }) {
  const ed = useEditor();
  return (
    <div style={{ lineHeight: 2.4, marginBottom: 14 }}>
      {row.label && <Typography.Text strong>{row.label}：</Typography.Text>}
      {clauseParts(row.text).map((part, i) => {
        const f = part.blank ? findField(ed.def, part.blank) : undefined;
        return (
          <span key={i}>
            {part.text}
            {f && (
              <Form.Item name={f.key} noStyle>
                <Input id={fieldId(f.key)} aria-label={f.label} style={{ width: 160, margin: '0 4px' }} disabled={ed.readOnly} />
              </Form.Item>
            )}
          </span>
        );
      })}
    </div>
  );
}
