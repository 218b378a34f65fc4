import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el.matches(':focus')).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `Tab did not reach the element within ${max} presses`).toBeFocused();
}

/** Presses an arrow key until `target` has the focus (menus and lists move by arrows, not Tab). */
export async function arrowTo(page: Page, target: Locator, key: 'ArrowDown' | 'ArrowUp' = 'ArrowDown', max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el.matches(':focus')).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} did not reach the element within ${max} presses`).toBeFocused();
}
