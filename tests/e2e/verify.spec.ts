// 校验文件 end to end (no sync server: signing works offline): a diagnosis signed in the browser, its Word export opened on
// the 校验文件 screen (相符), the code from its footer typed by hand (相符) and with a typo (next to the field), a
// file that is not a .docx — at 1024×700, and axe finds nothing serious.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures/app.js';
import { DocumentPages } from './pages/document-pages.js';
import { AppFrame } from './pages/app-frame.js';
import { englishNames, seriousViolations } from './pages/axe.js';
import { withNeighboursSwapped } from '../support/check-code-typo.js';

test('a signed diagnosis exported to Word verifies on 校验文件, by file and by the code typed from paper', async ({ app }) => {
  test.setTimeout(240_000);
  {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: '加载示例数据' }).first().click();
    await expect(page.getByText(/已加载 \d+ 个示例孵化器|示例数据已存在/)).toBeVisible();

    const d = new DocumentPages(page, '诊断意见表');
    await d.open();
    await d.chooseIncubator('南宁邕江科技企业孵化器');
    await d.rows().first().getByRole('button', { name: /^打开「/ }).click();
    await page.getByRole('button', { name: /^签\s*署$/ }).click();
    await page.getByRole('dialog').filter({ hasText: '签署这份诊断意见表？' }).getByRole('button', { name: /^签\s*署$/ }).click();
    await expect(page.getByText('已签署', { exact: true })).toBeVisible();
    const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-verify-'));
    const word = await d.download('导出 Word', dir);

    const frame = new AppFrame(page);
    await frame.goTo('校验文件');
    await page.getByLabel('选择要校验的 Word 文件').setInputFiles(word.file);
    const fileResult = page.getByRole('region', { name: '文件校验结果' });
    await expect(fileResult).toContainText('相符：是签署版本');
    await expect(fileResult).toContainText('南宁邕江科技企业孵化器');
    await expect(fileResult.getByRole('link', { name: '诊断意见表' })).toBeVisible();
    const code = (await fileResult.getByText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/).textContent())!;

    await page.getByLabel('校验码', { exact: true }).fill(`校验码 ${code.toLowerCase()} · 第 1 版`);
    await page.getByRole('button', { name: '校验此码' }).click();
    await expect(page.getByRole('region', { name: '校验码校验结果' })).toContainText('相符：是签署版本');
    await page.screenshot({ path: 'tests/artifacts/verify/verify-match-1024.png', fullPage: true });
    // At 1024×700 nothing scrolls sideways: neither the page nor the main area.
    expect(await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBe(0);
    expect(await frame.main.evaluate((main) => main.scrollWidth - main.clientWidth)).toBe(0);
    expect.soft(await seriousViolations(page), 'axe on 校验文件').toEqual([]);
    expect.soft(await englishNames(page), 'English names on 校验文件').toEqual([]);

    await page.getByLabel('校验码', { exact: true }).fill(withNeighboursSwapped(code));
    await page.getByLabel('版本号', { exact: true }).fill('1');
    await page.getByRole('button', { name: '校验此码' }).click();
    await expect(page.getByText('校验码与版本号对不上：请核对是否抄错了某个字符或版本号')).toBeVisible();
    await expect(page.getByRole('region', { name: '校验码校验结果' })).toHaveCount(0);

    const notWord = join(dir, '说明.docx');
    writeFileSync(notWord, '这不是 Word 文件');
    await page.getByLabel('选择要校验的 Word 文件').setInputFiles(notWord);
    await expect(page.getByText(/这不是 Word 文档（\.docx）文件/)).toBeVisible();
    await expect(fileResult).toHaveCount(0);
    await page.screenshot({ path: 'tests/artifacts/verify/verify-screen-1024.png' });
  }
});
