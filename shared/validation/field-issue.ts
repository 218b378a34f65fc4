/** One problem found on one field. Errors block a save; warnings are shown and can be confirmed and kept. */
export interface FieldIssue {
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export function fieldError(field: string, message: string): FieldIssue {
  return { field, message, severity: 'error' };
}

export function fieldWarning(field: string, message: string): FieldIssue {
  return { field, message, severity: 'warning' };
}
