import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now, one line each
 * (rule, what it means, where). WCAG 2.1 A/AA rules plus axe's best practices.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}`));
}

/**
 * Accessible names that are English words (an antd icon's file name such as 「apartment」, 「Clear」): what a
 * Chinese screen-reader user must never hear. Read from the accessibility tree, as a screen reader does.
 */
export async function englishNames(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return [...tree.matchAll(/^\s*- (\w+) "([^"]+)"/gm)]
    .filter(([, , name]) => /^[A-Za-z][A-Za-z -]*$/.test(name!))
    .map(([line]) => line!.trim());
}
