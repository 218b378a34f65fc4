import { test, expect } from './fixtures/app.js';
import { AppFrame } from './pages/app-frame.js';
import { DocumentPages } from './pages/document-pages.js';
import { exportProjectArchive } from './pages/project-archive.js';

test.describe.configure({ timeout: 180_000 });

/** A 1×1 PNG (a photo of a visit, as small as can be). */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

test('a consultant follows a project on the standard path: due items, the client evaluation, stage moves with reasons, the archive', async ({ app }) => {
  const page = app.page;
  const d = new DocumentPages(page, '培育项目');
  await d.loadDemo();
  const frame = new AppFrame(page);
  await frame.goTo('工作台');

  // 工作台: projects by stage and what is due this week, each a link to its record.
  await expect(page.getByRole('region', { name: /培育项目/ })).toContainText('服务改进');
  const due = page.getByRole('region', { name: '本周待办' });
  await expect(due.getByRole('button', { name: /投诉待答复：活动通知发出较晚/ })).toBeVisible();
  await due.getByRole('button', { name: /投诉待答复：活动通知发出较晚/ }).click();
  const drawer = page.getByRole('dialog', { name: /编辑投诉处理/ });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('textbox', { name: '处理情况' }).fill('已致电说明通知安排，今后提前一周发出。');
  await drawer.getByRole('textbox', { name: '答复日期' }).fill(today());
  await drawer.getByRole('textbox', { name: '答复日期' }).press('Enter');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/#\/projects\//);

  // The step bar: where the project stands, each stage complete or not.
  await expect(page.getByRole('heading', { name: /南宁邕江科技企业孵化器 · 2025 年度自治区级孵化器认定培育/ })).toBeVisible();
  await expect(page.getByRole('list', { name: '服务改进的完成条件' })).toContainText('至少一条「服务改进」');

  // The client's evaluation of the service (§6.2.3), filled on the consultant's laptop; a missing answer is named.
  await page.getByRole('radiogroup', { name: '记录类别' }).getByText(/委托方服务评价/).click();
  await d.button('新增委托方服务评价').click();
  const evaluation = page.getByRole('dialog', { name: /新增委托方服务评价/ });
  await evaluation.getByRole('textbox', { name: '评价人' }).fill('韦丽娟');
  await evaluation.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(evaluation.getByRole('alert').filter({ hasText: '请填写「评价方式」' })).toBeVisible();
  await d.chooseOption('评价方式', '实地访谈', evaluation);
  for (const label of ['服务目标是否完成', '服务计划是否按时完成', '服务人员素质是否满足工作需要', '服务质量是否满足委托方要求']) await d.chooseOption(label, '是', evaluation);
  await evaluation.getByRole('textbox', { name: '存在的问题及建议' }).fill('希望增加导师对接活动的频次。');
  await evaluation.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(evaluation).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '韦丽娟' })).toHaveCount(2);
  await page.screenshot({ path: 'tests/artifacts/projects/project-1366.png', fullPage: true });

  // A visit log with a photo (§5.2.1): an empty file is refused next to 附件 naming it; the photo is listed, saved
  // with the record and archived under 附件/.
  await page.getByRole('radiogroup', { name: '记录类别' }).getByText(/洽谈与走访记录/).click();
  await d.button('新增洽谈与走访记录').click();
  const visit = page.getByRole('dialog', { name: /新增洽谈与走访记录/ });
  await d.chooseOption('方式', '走访', visit);
  await visit.getByRole('textbox', { name: '主题' }).fill('现场查看孵化场地');
  await visit.getByRole('textbox', { name: '参加人员' }).fill('黄敏');
  const attach = async (name: string, buffer: Buffer) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visit.getByRole('button', { name: '添加附件' }).click()]);
    await chooser.setFiles({ name, mimeType: 'image/png', buffer });
  };
  await attach('空白.png', Buffer.alloc(0));
  await expect(visit.getByRole('region', { name: '附件' }).getByRole('alert')).toContainText('「空白.png」是空文件，未添加。');
  await attach('孵化场地照片.png', Buffer.from(PNG_1X1, 'base64'));
  await expect(visit.getByRole('list', { name: '附件列表' })).toContainText('孵化场地照片.png');
  await expect(visit.getByRole('button', { name: '移除附件「孵化场地照片.png」' })).toBeVisible();
  await visit.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(visit).toBeHidden();

  // The archive: progress, then the file, with every document and its index.
  const { zip, dialog } = await exportProjectArchive(page, '南宁邕江科技企业孵化器-2025 年度自治区级孵化器认定培育-培育项目档案.zip');
  const names = Object.keys(zip.files);
  expect(names).toContain('归档清单.csv');
  expect(names.filter((n) => n.startsWith('文档/') && n.endsWith('.docx')).length).toBeGreaterThanOrEqual(4);
  expect(names).toContain(`附件/洽谈与走访记录/${today()}-孵化场地照片.png`);
  expect(Buffer.from(await zip.file(`附件/洽谈与走访记录/${today()}-孵化场地照片.png`)!.async('uint8array')).toString('base64')).toBe(PNG_1X1);
  // The footer's 关闭 (the corner × is also named 关闭, without words on it).
  await dialog.getByRole('button', { name: /^关\s*闭$/ }).filter({ hasText: /关\s*闭/ }).click();

  // A new project: moving on before 宣传与洽谈 is complete asks for a reason, which the history keeps.
  await page.setViewportSize({ width: 1024, height: 700 });
  // 返回 goes back to where the project was opened from: here 工作台, whose link opened it.
  await page.getByRole('button', { name: /^返\s*回$/ }).click();
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await frame.goTo('培育项目');
  await d.button('新建培育项目').click();
  const create = page.getByRole('dialog', { name: '新建培育项目' });
  await d.chooseOption('孵化器', '桂林漓江电子信息孵化园', create);
  await create.getByRole('button', { name: /^新\s*建$/ }).click();
  await expect(page.getByRole('heading', { name: /桂林漓江电子信息孵化园/ })).toBeVisible();
  await d.button('进入下一阶段：分析与诊断').click();
  const move = page.getByRole('dialog', { name: '变更项目阶段' });
  await expect(move).toContainText('「宣传与洽谈」尚未完成（还需：至少一条「洽谈与走访记录」）');
  await move.getByRole('button', { name: '确认变更' }).click();
  await expect(move.getByRole('alert')).toContainText('需填写原因');
  await move.getByRole('textbox', { name: /原因/ }).fill('孵化器主动上门，已电话洽谈');
  await move.getByRole('button', { name: '确认变更' }).click();
  await expect(move).toBeHidden();
  await expect(page.getByText('未按顺序，原因：孵化器主动上门，已电话洽谈')).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/projects/new-project-1024.png' });
});
