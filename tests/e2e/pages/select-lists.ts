import { expect, type Page } from '@playwright/test';

/**
 * Waits until no drop-down list of a select is on screen. antd closes a list with an animation and sets
 * aria-expanded to false at once, so a role cannot tell "closing" from "closed"; while it is still on screen the
 * next drop-down's options would be looked for in it too, and an Escape closes it rather than reaching the drawer
 * behind. The class names are antd's (the one place the specs depend on them).
 */
export async function selectListsClosed(page: Page): Promise<void> {
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}
