import { expect, type Locator, type Page } from '@playwright/test';
import { AppFrame } from './app-frame.js';

/** The incubator list and editor, described by what a consultant sees: labels and the standard's wording. */
export class IncubatorPages {
  readonly frame: AppFrame;

  constructor(readonly page: Page) {
    this.frame = new AppFrame(page);
  }

  async open(): Promise<void> {
    await this.frame.goTo('孵化器');
  }

  /** The editor drawer (a dialog named by its title). */
  get editor(): Locator {
    return this.page.getByRole('dialog', { name: /^(新建孵化器|编辑孵化器)/ });
  }

  field(label: string): Locator {
    return this.editor.getByLabel(label, { exact: true });
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: '新建孵化器' }).click();
    await expect(this.editor).toBeVisible();
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label).fill(value);
      await this.field(label).blur();
    }
  }

  /** Picks an option of a select field as a mouse user does: open it, click the option. */
  async choose(label: string, option: string): Promise<void> {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /**
   * The message next to a field is its accessible description (antd links it with aria-describedby), so
   * this checks what a screen reader announces with the field. '' = no message.
   */
  async expectMessage(label: string, message: string | RegExp): Promise<void> {
    await expect(this.field(label)).toHaveAccessibleDescription(message);
  }

  async save(): Promise<void> {
    await this.editor.getByRole('button', { name: /保\s*存/ }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('搜索孵化器').fill(text);
  }

  get table(): Locator {
    return this.frame.main.getByRole('table');
  }

  /** The incubators listed: table rows that link to an incubator (not the header, not the empty-list row). */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link') });
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
