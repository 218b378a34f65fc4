import type { Locator, Page } from '@playwright/test';

/**
 * The sync indicator in the header: a button whose accessible name says the state
 * (「同步状态：已同步」, 「同步状态：离线 · 2 项待同步」 …), so tests read it as a screen reader does.
 */
export function syncStatus(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^同步状态：/ });
}

/** The count of conflicts and refused edits on the indicator (its title says 「N 项需要处理」). */
export function syncAttention(page: Page): Locator {
  return page.getByRole('banner').getByTitle(/^\d+ 项需要处理$/);
}
