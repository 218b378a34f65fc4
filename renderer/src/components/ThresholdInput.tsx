import { useId, useState } from 'react';
import { Input } from 'antd';
import { parseLooseNumber } from '../../../shared/validation/numbers.js';

interface Props {
  value: number | undefined;
  /** Called with a valid number only; while the text is not one, the last valid value stays. */
  onChange(value: number): void;
  /** Told whether the text currently typed is refused, so the editor can hold back saving. */
  onValidityChange(valid: boolean): void;
  disabled?: boolean;
  /** The accessible name (the column's heading with the row's clause, e.g. 「4.1.3 阈值」). */
  label: string;
  unit?: string;
}

/** Why a typed threshold is refused, or null. Thresholds are amounts, areas, counts and shares: never negative. */
export function thresholdProblem(text: string): string | null {
  if (text.trim() === '') return '请填写阈值';
  const n = parseLooseNumber(text);
  if (n === null) return '请填写数字，例如 5,000 或 75';
  if (n < 0) return '阈值不能为负数';
  return null;
}

/**
 * A rule's threshold as typed text: 「-5」 or 「abc」 is refused with a message next to the field and never
 * becomes 0 (antd's InputNumber would clamp or drop it silently); 1,234.5 and full-width digits are accepted.
 */
export function ThresholdInput({ value, onChange, onValidityChange, disabled, label, unit }: Props) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const problem = thresholdProblem(text);
  const messageId = useId();
  return (
    <span className="wb-threshold">
      <Input
        aria-label={label}
        value={text}
        disabled={disabled}
        status={problem ? 'error' : undefined}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? messageId : undefined}
        suffix={unit}
        inputMode="decimal"
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const refused = thresholdProblem(next);
          onValidityChange(refused === null);
          if (refused === null) onChange(parseLooseNumber(next)!);
        }}
      />
      {problem && (
        <span id={messageId} role="alert" className="wb-field-error">
          {problem}
        </span>
      )}
    </span>
  );
}
