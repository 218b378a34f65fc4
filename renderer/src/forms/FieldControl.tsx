import { DatePicker, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition } from '../../../shared/forms/field-definition.js';

/** What Form.Item gives its control for screen readers: the message under the field is its description. */
interface AriaProps {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-required'?: boolean | 'true' | 'false';
}

interface Props extends AriaProps {
  def: FieldDefinition;
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  onBlur?: () => void;
}

/**
 * One input for one field definition. Its accessible name comes from the Form.Item label (htmlFor = id), its
 * description from the message under it (the aria-* props Form.Item passes, forwarded to the input).
 */
export function FieldControl({ def, id, value, onChange, onBlur, ...aria }: Props) {
  switch (def.type) {
    case 'longtext':
      return (
        <Input.TextArea
          id={id}
          {...aria}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={onBlur}
          autoSize={{ minRows: 3, maxRows: 12 }}
          maxLength={def.maxLength}
          placeholder={def.placeholder}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          {...aria}
          style={{ width: '100%' }}
          value={value ? dayjs(value) : null}
          format="YYYY-MM-DD"
          onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
          onBlur={onBlur}
          placeholder="选择日期"
        />
      );
    case 'choice':
      return (
        <Select
          id={id}
          {...aria}
          value={value}
          allowClear
          placeholder="请选择"
          onChange={(v: string | undefined) => onChange?.(v)}
          onBlur={onBlur}
          options={(def.options ?? []).map((o) => ({ value: o, label: o }))}
        />
      );
    case 'yesno':
      return (
        <Radio.Group
          id={id}
          {...aria}
          role="radiogroup"
          aria-label={def.label}
          value={value}
          onChange={(e) => onChange?.(e.target.value as string)}
          options={[
            { value: 'yes', label: '是' },
            { value: 'no', label: '否' },
          ]}
        />
      );
    case 'number':
    case 'integer':
      return (
        <Input
          id={id}
          {...aria}
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={onBlur}
          suffix={def.unit}
          placeholder={def.placeholder ?? (def.type === 'integer' ? '整数' : '数字，可带千分位')}
        />
      );
    default:
      return (
        <Input
          id={id}
          {...aria}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={onBlur}
          maxLength={def.type === 'uscc' ? 24 : def.maxLength}
          placeholder={def.placeholder}
          style={def.type === 'uscc' ? { fontFamily: 'Consolas, monospace', letterSpacing: 0.5 } : undefined}
        />
      );
  }
}
