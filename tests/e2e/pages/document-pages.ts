import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { AppFrame } from './app-frame.js';
import { selectListsClosed } from './select-lists.js';

/**
 * A document's list and editor, described by what a consultant sees: the standard's labels, roles and accessible
 * descriptions (the message under a field is its description, as a screen reader reads it).
 */
export class DocumentPages {
  constructor(
    readonly page: Page,
    /** The menu entry and the document's short name, e.g. 「诊断意见表」. */
    readonly name: string,
  ) {}

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: '加载示例数据' }).first().click();
    await expect(this.page.getByText(/已加载 \d+ 个示例孵化器|示例数据已存在/)).toBeVisible();
  }

  /** Through the menu item, which keeps its name when the sidebar is collapsed to icons (below 1200 px). */
  async open(): Promise<void> {
    await new AppFrame(this.page).goTo(this.name);
  }

  /** The incubator filter searches as it is typed; Enter takes the first match. */
  async chooseIncubator(name: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: '孵化器' });
    await box.click();
    await box.fill(name);
    await box.press('Enter');
  }

  /**
   * Chooses an option of a drop-down named `label`. antd draws each list twice — a hidden listbox for screen readers
   * (role=option, zero size, not clickable) and the visible list (no role) — so the visible item is found by its
   * class here, the one place where the specs depend on antd's markup.
   */
  async chooseOption(label: string, option: string | RegExp, within: Locator | Page = this.page): Promise<void> {
    await within.getByRole('combobox', { name: label }).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    await selectListsClosed(this.page);
  }

  /** The text box named by the standard's label (a radio option of 「二选一」 carries the same words). */
  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label).fill(value);
      await this.field(label).blur();
    }
  }

  /** The rows of the document list that hold a document (a header row has no 「打开」). */
  rows(): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('button', { name: /^打开「/ }) });
  }

  row(...texts: string[]): Locator {
    return texts.reduce((l, t) => l.filter({ hasText: t }), this.rows());
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: `新建${this.name}` }).click();
    // The editor's code is loaded on first use: on a busy 2-core machine that alone can take seconds.
    await expect(this.page.getByText('基本信息（取自孵化器档案）')).toBeVisible({ timeout: 30_000 });
  }

  /** A button by its words. antd puts a space between the two characters of a two-character button (「完 成」). */
  button(name: string): Locator {
    return this.page.getByRole('button', { name: [...name].length === 2 ? new RegExp(`^${[...name].join('\\s*')}$`) : name });
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: '认定条件对照' });
  }

  rule(clause: string, title: string): Locator {
    return this.panel.getByRole('listitem', { name: `${clause} ${title}` });
  }

  /**
   * A rule's result as the panel's tag shows it (exact text: 「符合」 is not 「不符合」). The tag comes first in the
   * item; a verdict's radio options of the same words come after it.
   */
  ruleStatus(clause: string, title: string, status: string): Locator {
    return this.rule(clause, title).getByText(status, { exact: true }).first();
  }

  async download(button: string, dir: string): Promise<{ file: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button(button).click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return { file, name: download.suggestedFilename() };
  }
}
