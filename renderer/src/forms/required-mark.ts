/**
 * Required fields are marked with a red asterisk drawn by CSS on the label's wrapper (see styles.css), not
 * inside the <label>: a field's accessible name, and the text tests and screen readers find it by, must be
 * the standard's wording exactly (「孵化器名称」, not 「* 孵化器名称」). Forms set requiredMark={false} and give
 * required items this class.
 */
export const REQUIRED_ITEM_CLASS = 'wb-required';

export function requiredClass(required: boolean): string | undefined {
  return required ? REQUIRED_ITEM_CLASS : undefined;
}
