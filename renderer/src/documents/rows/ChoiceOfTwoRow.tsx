import { Radio, Row } from 'antd';
import { findField } from '../../../../shared/forms/document-definition.js';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { fieldId, useEditor } from '../editor-context.js';
import { RefItem } from './PairRow.js';

/** 「二选一填写」: the choice enables one count (and its share); the other is kept but not counted. */
export function ChoiceOfTwoRow({ row }: { row: Extract<LayoutRow, { kind: 'choice-of-two' }> }) {
  const ed = useEditor();
  const choice = findField(ed.def, row.choiceKey);
  if (!choice) return null;
  return (
    <div>
      <Row>
        {ed.field(
          choice,
          24,
          <Radio.Group id={fieldId(choice.key)} aria-label={choice.label} onChange={() => ed.saveNow()} options={(choice.options ?? []).map((o) => ({ value: o, label: o }))} />,
        )}
      </Row>
      <Row gutter={16}>
        {row.options.flatMap((o) => [
          <RefItem key={o.field} item={{ source: 'values', key: o.field }} span={12} />,
          <RefItem key={o.computed} item={{ source: 'computed', key: o.computed }} span={12} />,
        ])}
      </Row>
    </div>
  );
}
