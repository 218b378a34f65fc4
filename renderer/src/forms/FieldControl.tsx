import { DatePicker, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { assertNever, type FieldDefinition } from '../../../shared/forms/field-definition.js';

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
  disabled?: boolean;
  /** The accessible name when no <label> points at the control (a cell of a list table). */
  ariaLabel?: string;
  /** For `ruleSet` fields: the rule sets to choose from. */
  choices?: readonly { value: string; label: string }[];
  /** The id of the message under the field: screen readers read it with the field (its accessible description). */
  describedBy?: string;
  invalid?: boolean;
  /** Inside running text that says the unit itself (「（¥__元）」): no unit after the input. */
  bare?: boolean;
}

/**
 * One input for one field definition. Its accessible name comes from the Form.Item label (htmlFor = id), or from
 * `ariaLabel`; its description from the message under it (`describedBy`, or the aria-* props Form.Item passes).
 * Exhaustive over the field types: a new type fails the typecheck here until it has a control.
 */
export function FieldControl({ def, id, value, onChange, onBlur, disabled, ariaLabel, choices, describedBy, invalid, bare, ...aria }: Props) {
  // `aria` also carries what Form.Item passes its control at run time, its `ref` among them (React 19 hands a
  // function component its ref as a prop): forwarded, so form.focusField() can focus the input.
  const common = {
    ...aria,
    id,
    disabled,
    'aria-label': ariaLabel,
    'aria-describedby': describedBy ?? aria['aria-describedby'],
    'aria-invalid': invalid || aria['aria-invalid'] === true || aria['aria-invalid'] === 'true' || undefined,
    'aria-required': aria['aria-required'],
  };
  switch (def.type) {
    case 'longtext':
      return (
        <Input.TextArea
          {...common}
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
          {...common}
          style={{ width: '100%' }}
          value={value ? dayjs(value) : null}
          format="YYYY-MM-DD"
          onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
          onBlur={onBlur}
          placeholder="选择日期"
        />
      );
    case 'month':
      // Typed as the standard writes it (「2025年06月」, 「2025-06」 also accepted): a wrong month such as
      // 「2025年13月」 stays in the field with its message instead of vanishing from a picker.
      return (
        <Input
          {...common}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={onBlur}
          maxLength={20}
          placeholder={def.placeholder ?? '如 2025年06月'}
          style={{ minWidth: 120 }}
        />
      );
    case 'choice':
    case 'ruleSet':
      return (
        <Select
          {...common}
          value={value}
          allowClear={def.type === 'choice'}
          placeholder="请选择"
          onChange={(v: string | undefined) => onChange?.(v)}
          onBlur={onBlur}
          options={def.type === 'ruleSet' ? [...(choices ?? [])] : (def.options ?? []).map((o) => ({ value: o, label: o }))}
        />
      );
    case 'yesno':
      return (
        <Radio.Group
          {...common}
          role="radiogroup"
          aria-label={ariaLabel ?? def.label}
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
    case 'money':
      return (
        <Input
          {...common}
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={onBlur}
          suffix={bare ? undefined : def.type === 'money' ? '元' : def.unit}
          placeholder={def.placeholder ?? (def.type === 'integer' ? '整数' : def.type === 'money' ? '金额，如 1,234.50' : '数字，可带千分位')}
        />
      );
    case 'text':
    case 'mobile':
    case 'telephone':
    case 'uscc':
    case 'bankAccount':
      return (
        <Input
          {...common}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          onBlur={onBlur}
          maxLength={def.type === 'uscc' ? 24 : def.maxLength}
          placeholder={def.placeholder}
          style={def.type === 'uscc' ? { fontFamily: 'Consolas, monospace', letterSpacing: 0.5 } : undefined}
        />
      );
    default:
      return assertNever(def.type);
  }
}
