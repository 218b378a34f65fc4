// One new incubator through the whole service process on screen (T/GXAS 453-2023 Figure 1, docs/process.md):
// each of the seven stages completed by what a consultant makes through the app — a visit log, a diagnosis, a
// contract and a plan signed on screen (no sync server: signed at once), the service plan and its acceptance, the
// evaluation and a follow-up, an improvement — and each move made in order, with no reason asked. Then the client's
// evaluation, and the archive read back. One app start for the whole walk.
import ExcelJS from 'exceljs';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures/app.js';
import { AppFrame } from './pages/app-frame.js';
import { DocumentPages } from './pages/document-pages.js';
import { IncubatorPages } from './pages/incubator-pages.js';
import { exportProjectArchive } from './pages/project-archive.js';
import { APPENDIX_C } from '../fixtures/standard-wording.js';

test.describe.configure({ timeout: 300_000 });

const INCUBATOR = '防城港东兴边贸科技企业孵化器';
const PROJECT = '2026 年度认定培育';

test('a new incubator walks the seven stages in order on screen, each completed by what is made there; the archive holds it all', async ({ app }, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  const frame = new AppFrame(page);
  const d = new DocumentPages(page, '培育项目');
  const save = (drawer: Locator) => drawer.getByRole('button', { name: /^保\s*存$/ }).click();

  // The incubator, registered through its form.
  const incubators = new IncubatorPages(page);
  await incubators.open();
  await incubators.startNew();
  await incubators.fill({ 孵化器名称: INCUBATOR, 运营机构: '东兴市边贸创新服务有限公司', 统一社会信用代码: '91450107MA5KA3RN4L' });
  await incubators.save();
  await expect(page.getByText(`已保存「${INCUBATOR}」`)).toBeVisible();

  // Its project, started today (the workbench's today).
  await frame.goTo('培育项目');
  await d.button('新建培育项目').click();
  const create = page.getByRole('dialog', { name: '新建培育项目' });
  await d.chooseOption('孵化器', INCUBATOR, create);
  await create.getByRole('textbox', { name: '项目名称' }).fill(PROJECT);
  await create.getByRole('button', { name: /^新\s*建$/ }).click();
  const heading = page.getByRole('heading', { name: `${INCUBATOR} · ${PROJECT}` });
  await expect(heading).toBeVisible();

  const openProject = async () => {
    await frame.goTo('培育项目');
    // The list names a project by its incubator (the link) and its name.
    await page.getByRole('row').filter({ hasText: PROJECT }).getByRole('button', { name: INCUBATOR }).click();
    await expect(heading).toBeVisible();
  };
  /** The stage's requirement, met (its link to what meets it) or not. */
  const requirements = (stage: string) => page.getByRole('list', { name: `${stage}的完成条件` });
  /** 进入下一阶段 with the current stage complete: nothing missing is named and no reason is asked. */
  const moveOn = async (from: string, to: string) => {
    await expect(requirements(from).getByLabel('未满足')).toHaveCount(0);
    await d.button(`进入下一阶段：${to}`).click();
    const move = page.getByRole('dialog', { name: '变更项目阶段' });
    await expect(move.getByRole('textbox', { name: '原因（选填）' })).toBeVisible();
    await expect(move).not.toContainText('尚未完成');
    await move.getByRole('button', { name: '确认变更' }).click();
    await expect(move).toBeHidden();
    await expect(page.getByText(`${to}（当前阶段）`)).toBeVisible();
  };
  /** A record made from the stage's 「新增…」 link, its fields filled by `fill`. */
  /** A date picker takes its typed date on Enter. */
  const fillDate = async (drawer: Locator, label: string, date: string) => {
    await drawer.getByRole('textbox', { name: label }).fill(date);
    await drawer.getByRole('textbox', { name: label }).press('Enter');
  };
  const newRecord = async (stage: string, kind: string, fill: (drawer: Locator) => Promise<void>) => {
    await requirements(stage).getByRole('button', { name: `新增${kind}` }).click();
    const drawer = page.getByRole('dialog', { name: new RegExp(`新增${kind}`) });
    await fill(drawer);
    await save(drawer);
    await expect(drawer).toBeHidden();
  };
  /** A document of the incubator, made from the stage's 「去…」 link. */
  const newDocument = async (stage: string, name: string) => {
    await requirements(stage).getByRole('button', { name: `去${name}` }).click();
    const doc = new DocumentPages(page, name);
    await doc.chooseIncubator(INCUBATOR);
    await doc.button(`新建${name}`).click();
    return doc;
  };
  /** 完成: the document is final (its wording differs by kind: 已完成, 已定稿), and can be reopened. */
  const complete = async (doc: DocumentPages) => {
    await doc.button('完成').click();
    await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
  };
  const sign = async (doc: DocumentPages, name: string) => {
    await doc.button('签署').click();
    const confirm = page.getByRole('dialog').filter({ hasText: `签署这份${name}？` });
    await confirm.getByRole('button', { name: /^签\s*署$/ }).click();
  };

  // 5.2.1 宣传与洽谈: a visit log.
  await newRecord('宣传与洽谈', '洽谈与走访记录', async (drawer) => {
    await d.chooseOption('方式', '走访', drawer);
    await drawer.getByRole('textbox', { name: '主题' }).fill('介绍培育服务，了解孵化器运营情况');
    await drawer.getByRole('textbox', { name: '参加人员' }).fill('黄敏');
  });
  await moveOn('宣传与洽谈', '分析与诊断');

  // 5.2.2 分析与诊断: a diagnosis, completed.
  const diagnosis = await newDocument('分析与诊断', '诊断意见表');
  await expect(diagnosis.field('可自主支配的孵化场地总面积（m²）')).toBeVisible({ timeout: 30_000 });
  await diagnosis.fill({ '可自主支配的孵化场地总面积（m²）': '6,000', '可自主支配场地内在孵企业数量（家）': '24' });
  await complete(diagnosis);
  await openProject();
  await moveOn('分析与诊断', '委托与签约');

  // 5.2.3 委托与签约: a contract, signed on screen.
  const contract = await newDocument('委托与签约', '技术服务合同');
  await expect(contract.field('合同编号')).toHaveValue(/^GXPY-/, { timeout: 30_000 });
  await contract.fill({ '受托方（乙方）': '南宁市科技服务中心', 技术服务报酬: '50,000' });
  await complete(contract);
  await sign(contract, '技术服务合同');
  await expect(page.getByText(/^已签署/).first()).toBeVisible();
  await openProject();
  await moveOn('委托与签约', '制定培育方案');

  // 5.2.4 制定培育方案: a plan from the diagnosis, completed and signed (§5.2.4 c: in effect once signed).
  const plan = await newDocument('制定培育方案', '培育方案');
  await expect(plan.field('前期诊断结论')).toHaveValue(/诊断意见表/, { timeout: 30_000 });
  for (const label of [...APPENDIX_C.basics, ...APPENDIX_C.plan, '培育总体目标']) {
    if ((await plan.field(label).inputValue()) === '') await plan.field(label).fill(`${label}：具体措施。`);
  }
  await plan.button('添加任务').click();
  await plan.fill({ '第 1 项 任务内容': '完善入孵、毕业管理制度', '第 1 项 完成期限': '2030年03月', '第 1 项 责任人': '黄敏' });
  await plan.button('添加预算项目').click();
  await plan.fill({ '第 1 项 预算项目': '专家咨询费', '第 1 项 金额（元）': '30,000' });
  await complete(plan);
  await sign(plan, '培育方案');
  await expect(page.getByText('已签署生效', { exact: true })).toBeVisible();
  await openProject();
  await moveOn('制定培育方案', '组织实施');

  // 5.2.5 组织实施: the detailed service plan, and its acceptance 通过.
  await newRecord('组织实施', '详细服务计划', async (drawer) => {
    await drawer.getByRole('textbox', { name: '服务事项' }).fill('修订入孵管理制度');
    await drawer.getByRole('textbox', { name: '责任人' }).fill('黄敏');
    await fillDate(drawer, '计划完成日期', '2030-03-31');
  });
  await newRecord('组织实施', '服务验收', async (drawer) => {
    await drawer.getByRole('textbox', { name: '验收内容' }).fill('入孵管理制度已修订并发布');
    await d.chooseOption('验收结论', '通过', drawer);
    await drawer.getByRole('textbox', { name: '验收人员' }).fill('黄敏、韦丽娟');
  });
  await moveOn('组织实施', '总结与跟踪');

  // 5.2.6 总结与跟踪: the evaluation (附录D) completed, and a follow-up.
  const evaluation = await newDocument('总结与跟踪', '培育效果评价表');
  await expect(evaluation.button('完成')).toBeVisible({ timeout: 30_000 });
  await complete(evaluation);
  await openProject();
  await newRecord('总结与跟踪', '后续跟踪服务', async (drawer) => {
    await drawer.getByRole('textbox', { name: '跟踪服务内容' }).fill('回访制度执行情况');
  });
  await moveOn('总结与跟踪', '服务改进');

  // 5.2.7 服务改进: an improvement; every stage now complete.
  await newRecord('服务改进', '服务改进', async (drawer) => {
    await drawer.getByRole('textbox', { name: '存在的主要问题' }).fill('走访记录照片不全');
    await drawer.getByRole('textbox', { name: '改进措施及预期成效' }).fill('每次走访上传现场照片');
    await fillDate(drawer, '改进期限', '2030-06-30');
  });
  await expect(requirements('服务改进').getByLabel('已满足')).toHaveCount(1);
  await expect(page.getByText('进行中（已完成 7/7 个阶段）')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('walk-done-1024x700.png'), fullPage: true });

  // The client's evaluation of the service (§6.2.3).
  await page.getByRole('radiogroup', { name: '记录类别' }).getByText(/委托方服务评价/).click();
  await d.button('新增委托方服务评价').click();
  const client = page.getByRole('dialog', { name: /新增委托方服务评价/ });
  await client.getByRole('textbox', { name: '评价人' }).fill('韦丽娟');
  await d.chooseOption('评价方式', '实地访谈', client);
  for (const label of ['服务目标是否完成', '服务计划是否按时完成', '服务人员素质是否满足工作需要', '服务质量是否满足委托方要求']) await d.chooseOption(label, '是', client);
  await save(client);
  await expect(client).toBeHidden();

  // The archive: every document in Word and Excel, the records workbook, the index; read back.
  const { zip, dialog } = await exportProjectArchive(page, `${INCUBATOR}-${PROJECT}-培育项目档案.zip`);
  const names = Object.keys(zip.files);
  for (const name of ['诊断意见表', '技术服务合同', '培育方案', '培育效果评价表']) {
    expect(names.filter((n) => n.startsWith(`文档/${INCUBATOR}-${name}`)).map((n) => n.slice(n.lastIndexOf('.')))).toEqual(expect.arrayContaining(['.docx', '.xlsx']));
  }
  expect(names).toContain('记录/项目记录与阶段变更.xlsx');
  const index = await zip.file('归档清单.csv')!.async('string');
  expect(index).toContain('项目记录（6 条）与阶段变更记录（7 条）');
  // The stage history: the seven stages entered in order, none out of order.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await zip.file('记录/项目记录与阶段变更.xlsx')!.async('arraybuffer'));
  const rows: string[][] = [];
  book.getWorksheet('阶段变更记录')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
  const stages = ['宣传与洽谈', '分析与诊断', '委托与签约', '制定培育方案', '组织实施', '总结与跟踪', '服务改进'];
  const moves = rows.filter((r) => stages.includes(r[2] ?? ''));
  expect(moves.map((r) => r[2])).toEqual(stages);
  expect(moves.map((r) => r[3])).toEqual(stages.map(() => '是'));
  await dialog.getByRole('button', { name: /^关\s*闭$/ }).filter({ hasText: /关\s*闭/ }).click();

  // 最近操作 on the 工作台: the last move links to its project.
  await frame.goTo('工作台');
  await page.getByRole('link', { name: /从「总结与跟踪」进入「服务改进」/ }).click();
  await expect(heading).toBeVisible();
});
