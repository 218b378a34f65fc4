import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { ThresholdInput, thresholdProblem } from './ThresholdInput.js';
import { renderInApp } from '../../test/render-app.js';

describe('thresholdProblem', () => {
  it('refuses negatives, letters and blanks; accepts thousands separators and full-width digits', () => {
    expect(thresholdProblem('-5')).toBe('阈值不能为负数');
    expect(thresholdProblem('abc')).toBe('请填写数字，例如 5,000 或 75');
    expect(thresholdProblem(' ')).toBe('请填写阈值');
    expect(thresholdProblem('5,000')).toBeNull();
    expect(thresholdProblem('７５')).toBeNull();
    expect(thresholdProblem('0')).toBeNull();
  });
});

describe('ThresholdInput', () => {
  it('「-5」 and 「abc」 get a message next to the field and never reach the rule as 0', () => {
    const onChange = vi.fn();
    const onValidityChange = vi.fn();
    renderInApp(<ThresholdInput label="4.1.3 阈值" value={5000} unit="m²" onChange={onChange} onValidityChange={onValidityChange} />);
    const field = screen.getByLabelText('4.1.3 阈值');
    for (const typed of ['-5', 'abc']) {
      fireEvent.change(field, { target: { value: typed } });
      expect(field.getAttribute('aria-invalid')).toBe('true');
      const message = document.getElementById(field.getAttribute('aria-describedby')!);
      expect(message?.textContent).toBe(thresholdProblem(typed));
      expect(field).toHaveProperty('value', typed); // what was typed stays, to be corrected
    }
    expect(onChange).not.toHaveBeenCalled();
    expect(onValidityChange).toHaveBeenLastCalledWith(false);

    fireEvent.change(field, { target: { value: '6,000' } });
    expect(onChange).toHaveBeenLastCalledWith(6000);
    expect(onValidityChange).toHaveBeenLastCalledWith(true);
    expect(field.hasAttribute('aria-invalid')).toBe(false);
  });
});
