import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';

/**
 * 导出项目档案 on a project page: waits for the background job's download link (named after the archive's file),
 * downloads it and reads it as a zip. Returns the zip and the dialog (still open: the caller closes it).
 */
export async function exportProjectArchive(page: Page, fileName: string | RegExp): Promise<{ zip: JSZip; dialog: Locator }> {
  await page.getByRole('button', { name: '导出项目档案' }).click();
  const dialog = page.getByRole('dialog', { name: '导出项目档案' });
  const link = dialog.getByRole('link', { name: typeof fileName === 'string' ? `下载 ${fileName}` : fileName });
  // Written in the background with progress: on a busy machine that can take a while.
  await expect(link).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'wb-e2e-archive-')), download.suggestedFilename());
  await download.saveAs(file);
  return { zip: await JSZip.loadAsync(readFileSync(file)), dialog };
}
