// Signing with drawn signatures (docs/signature-images.md): a wrong file is refused next to its field, two sides draw on the canvas with the mouse, a blank
// drawing is refused, 签署 stores both and signs; the signed page shows both images; the Word export carries them.
// No sync server anywhere: signing works offline (docs/sync.md §Signing). The exported file then verifies on 校验文件.
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/app.js';
import JSZip from 'jszip';
import sharp from 'sharp';
import { AppFrame } from './pages/app-frame.js';
import { DocumentPages } from './pages/document-pages.js';

/** A few loops across the canvas with the mouse, as a hand would sign. */
async function drawOn(page: Page, canvas: Locator, seed: number): Promise<void> {
  const box = (await canvas.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 0; i <= 40; i++) {
    const x = box.x + 20 + (i * (box.width - 60)) / 40;
    await page.mouse.move(x, y + Math.sin(i / (2 + seed)) * box.height * 0.3, { steps: 2 });
  }
  await page.mouse.up();
}

/** Demo data, 南宁's completed diagnosis opened at 1024×700, and its 签署 dialog. */
async function openSigningDialog(page: Page): Promise<{ d: DocumentPages; dialog: Locator }> {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText(/已加载 \d+ 个示例孵化器|示例数据已存在/)).toBeVisible();
  const d = new DocumentPages(page, '诊断意见表');
  await d.open();
  await d.chooseIncubator('南宁邕江科技企业孵化器');
  await d.rows().first().getByRole('button', { name: /^打开「/ }).click();
  await page.getByRole('button', { name: /^签\s*署$/ }).click();
  return { d, dialog: page.getByRole('dialog').filter({ hasText: '签署这份诊断意见表？' }) };
}

test('with no server, two sides draw their signatures, sign, and the Word file carries both images and verifies', async ({ app }) => {
  test.setTimeout(240_000);
  {
    const page = app.page;
    const { d, dialog } = await openSigningDialog(page);
    // A chosen file that is not an image, or a 20 MB photo: a message next to the field, nothing kept.
    await dialog.getByRole('radiogroup', { name: '孵化器签署方式' }).getByText('选择签名或印章图片').click();
    await dialog.getByLabel('孵化器签名图片').setInputFiles({ name: '签名.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 not an image') });
    await expect(dialog.getByText('这不是 PNG 或 JPEG 图片，请选择签名或印章的 PNG/JPEG 图片')).toBeVisible();
    await dialog.getByLabel('孵化器印章图片').setInputFiles({ name: '印章.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(20 * 1024 * 1024, 0xff) });
    await expect(dialog.getByText(/^图片太大（20\.0 MB）/)).toBeVisible();
    for (const side of ['诊断服务机构', '孵化器']) {
      await dialog.getByRole('radiogroup', { name: `${side}签署方式` }).getByText('在屏幕上手写').click();
      await dialog.getByLabel(`${side}签字人`).fill(side === '孵化器' ? '王经理' : '张三');
    }
    await drawOn(page, dialog.getByRole('img', { name: '诊断服务机构手写签名' }), 1);
    // The incubator's side left blank: refused next to its canvas, nothing signed.
    await dialog.getByRole('button', { name: /^签\s*署$/ }).click();
    await expect(dialog.getByText('签名为空')).toBeVisible();
    await drawOn(page, dialog.getByRole('img', { name: '孵化器手写签名' }), 2);
    await expect(dialog.getByText('签名为空')).toHaveCount(0);
    await page.screenshot({ path: 'tests/artifacts/documents/signing-dialog.png' });
    await dialog.getByRole('button', { name: /^签\s*署$/ }).click();
    await expect(page.getByText('已签署', { exact: true })).toBeVisible();

    // The signed page shows each side's drawn signature.
    await expect(page.getByRole('img', { name: '诊断服务机构签名' })).toBeVisible();
    await expect(page.getByRole('img', { name: '孵化器签名' })).toBeVisible();
    await page.getByRole('img', { name: '孵化器签名' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/artifacts/documents/signed-sides.png' });

    const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-sig-'));
    const word = await d.download('导出 Word', dir);
    const zip = await JSZip.loadAsync(await readFile(word.file));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Two drawn signatures in the signature block (the diagnosis has no other picture in its table).
    expect(media).toHaveLength(2);
    expect((xml.match(/<pic:pic\b/g) ?? []).length).toBe(2);

    // The exported file is the signed version: 校验文件 says so.
    await new AppFrame(page).goTo('校验文件');
    await page.getByLabel('选择要校验的 Word 文件').setInputFiles(word.file);
    await expect(page.getByRole('region', { name: '文件校验结果' })).toContainText('相符：是签署版本');
  }
});

test('a side that signs on paper gets its scan and date after the document is signed', async ({ app }) => {
  test.setTimeout(240_000);
  {
    const page = app.page;
    // 诊断服务机构 draws; 孵化器 keeps the default, 纸质签署（稍后上传扫描件）.
    const { dialog } = await openSigningDialog(page);
    await dialog.getByRole('radiogroup', { name: '诊断服务机构签署方式' }).getByText('在屏幕上手写').click();
    await dialog.getByLabel('诊断服务机构签字人').fill('刘建新');
    await drawOn(page, dialog.getByRole('img', { name: '诊断服务机构手写签名' }), 1);
    await dialog.getByRole('button', { name: /^签\s*署$/ }).click();
    await expect(page.getByText('已签署', { exact: true })).toBeVisible();

    const paper = page.getByRole('group', { name: '孵化器签署情况' });
    await expect(paper).toContainText('纸质签署，待上传扫描件');
    await paper.getByRole('button', { name: '上传孵化器纸质签署扫描件' }).click();
    const upload = page.getByRole('dialog', { name: '上传孵化器纸质签署扫描件' });
    await upload.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(upload.getByText('请选择已签字盖章页面的扫描件（PNG/JPEG）。')).toBeVisible();
    await expect(upload.getByText('请填写纸质签署的日期。')).toBeVisible();
    // A scan: dark handwriting on a white page, drawn here (no file from elsewhere).
    const scan = await sharp(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><rect width="600" height="800" fill="#fff"/><path d="M 200 600 C 260 520, 320 680, 420 580" stroke="#111" stroke-width="6" fill="none"/></svg>'),
    )
      .jpeg()
      .toBuffer();
    await upload.getByLabel('已签字盖章页面的扫描件').setInputFiles({ name: '签字页.jpg', mimeType: 'image/jpeg', buffer: scan });
    await expect(upload.getByRole('img', { name: '已签字盖章页面的扫描件预览' })).toBeVisible();
    await upload.getByLabel('签署日期').fill('2026-11-25');
    await upload.getByLabel('签署日期').press('Enter');
    await upload.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(upload).toHaveCount(0);
    await expect(paper).toContainText('纸质签署，2026年11月25日');
    await expect(paper.getByRole('img', { name: '孵化器纸质签署扫描件' })).toBeVisible();
  }
});
