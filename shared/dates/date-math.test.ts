import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from './date-math.js';

describe('date math on ISO dates', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('clamps a month step to the month end', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2026-06-30', -1)).toBe('2026-05-30');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('counts whole days either way', () => {
    expect(daysBetween('2025-06-01', '2025-06-30')).toBe(29);
    expect(daysBetween('2025-06-30', '2025-06-01')).toBe(-29);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
  });
});
