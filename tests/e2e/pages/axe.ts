import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// axe-core takes CSS selectors for what to scan; these two are the only ones, and they name ARIA attributes,
// not the UI kit's classes:
//  - an open modal dialog (a drawer or a confirm) is what the user can reach; the page behind it is dimmed by a
//    mask, which axe would otherwise report as a contrast failure of every text behind it;
//  - antd marks a table or page still loading with aria-busy; it is scanned once it has settled.
const OPEN_MODAL = '[role="dialog"][aria-modal="true"]';
const BUSY = '[aria-busy="true"]';

/** The part of the page's DOM read here: this program is type-checked without the DOM's names. */
interface PageWithAnimations {
  document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
}

/**
 * The serious and critical accessibility violations axe-core finds on what the user can reach now, one line
 * each (rule, what it means, where). WCAG 2.1 A/AA rules plus axe's best practices.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page.locator(BUSY)).toHaveCount(0);
  // A page or drawer fading in has text at part of its final contrast: axe measured one mid-fade (a flake in
  // CI). Scanned once every finite animation and transition has ended (a spinning icon runs forever and is not
  // waited for).
  await page.waitForFunction(() =>
    (globalThis as unknown as PageWithAnimations).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const modals = await page.locator(OPEN_MODAL).filter({ visible: true }).count();
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (modals > 0) builder = builder.include(OPEN_MODAL);
  const result = await builder.analyze();
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
    .filter(([, , name]) => /^[A-Za-z][A-Za-z -]*$/.test(name!) && !PRODUCT_NAMES.has(name!))
    .map(([line]) => line!.trim());
}

/** Names of products users know by their English names, not words to translate. */
const PRODUCT_NAMES = new Set(['Word', 'Excel', 'WPS']);
