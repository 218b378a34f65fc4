import { ConfigProvider, Form, Typography } from 'antd';
import { findField } from '../../../../shared/forms/document-definition.js';
import type { FieldDefinition } from '../../../../shared/forms/field-definition.js';
import { clauseParts, type LayoutRow } from '../../../../shared/forms/layout.js';
import { capitalText, printValue } from '../../../../shared/forms/print-cells.js';
import { FieldControl } from '../../forms/FieldControl.js';
import { fieldId, useEditor } from '../editor-context.js';

/** How wide a blank is in the sentence: long texts take the line, dates and amounts what they need. */
function blankWidth(f: FieldDefinition): number | string {
  switch (f.type) {
    case 'longtext':
      return '100%';
    case 'integer':
      return 90;
    case 'choice':
      // The select sizes itself to its option.
      return 'auto';
    case 'number':
      return 120;
    case 'date':
    case 'month':
    case 'money':
      return 170;
    default:
      return f.maxLength !== undefined && f.maxLength <= 50 ? 160 : 260;
  }
}

/**
 * Running text with blanks (the contract's articles): each blank the field's own control inside the sentence, named
 * by its label; a repeat (`{x|same}`) shows the value typed elsewhere, a `{x|capital}` its 大写, both updating as
 * the user types. The messages of the clause's fields are listed under it, each naming its field.
 */
export function ClauseRow({ row }: { row: Extract<LayoutRow, { kind: 'clause' }> }) {
  const ed = useEditor();
  const parts = clauseParts(row.text);
  const messages = parts.flatMap((p) => {
    if (!p.blank || p.show !== 'field') return [];
    const issue = ed.issue(p.blank);
    return issue ? [{ key: p.blank, label: findField(ed.def, p.blank)?.label ?? p.blank, issue }] : [];
  });
  return (
    <div style={{ lineHeight: 2.4, marginBottom: 14 }}>
      {row.label && <Typography.Text strong>{row.label} </Typography.Text>}
      {parts.map((part, i) => {
        const f = part.blank ? findField(ed.def, part.blank) : undefined;
        if (!f) return <span key={i}>{part.text}</span>;
        if (part.show !== 'field') {
          const text = part.show === 'capital' ? capitalText(f, ed.check.normalized[f.key], ed.check.invalid.has(f.key)) : printValue({ ...ed }, { source: 'values', key: f.key });
          return (
            <span key={i}>
              {part.text}
              <Typography.Text underline aria-label={part.show === 'capital' ? `${f.label}（大写）` : f.label} aria-live="polite" style={{ margin: '0 4px' }}>
                {text || '\u3000\u3000\u3000\u3000'}
              </Typography.Text>
            </span>
          );
        }
        const issue = messages.find((m) => m.key === f.key)?.issue;
        return (
          <span key={i}>
            {part.text}
            <span style={{ display: 'inline-block', width: blankWidth(f), margin: '0 4px', verticalAlign: 'middle' }}>
              <ConfigProvider componentDisabled={ed.readOnly}>
                <Form.Item name={f.key} noStyle>
                  <FieldControl
                    def={f}
                    id={fieldId(f.key)}
                    ariaLabel={f.label}
                    invalid={issue?.severity === 'error'}
                    describedBy={issue ? `${fieldId(f.key)}-help` : undefined}
                    bare
                    onBlur={() => ed.blur(f.key)}
                    onChange={f.type === 'choice' ? () => ed.saveNow() : undefined}
                  />
                </Form.Item>
              </ConfigProvider>
            </span>
          </span>
        );
      })}
      {messages.map((m) => (
        <div key={m.key} id={`${fieldId(m.key)}-help`} role="alert">
          <Typography.Text type={m.issue.severity === 'error' ? 'danger' : 'warning'}>
            {m.label}：{m.issue.message}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
