import { expect, type Locator, type Page } from '@playwright/test';

/** The incubator list and editor, described by what a consultant sees: labels and the standard's wording. */
export class IncubatorPages {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByText('孵化器', { exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '孵化器' })).toBeVisible();
  }

  get editor(): Locator {
    return this.page.getByRole('dialog');
  }

  field(label: string): Locator {
    return this.editor.getByLabel(label, { exact: true });
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: '新建孵化器' }).click();
    await expect(this.editor.getByText('新建孵化器')).toBeVisible();
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label).fill(value);
      await this.field(label).blur();
    }
  }

  async choose(label: string, option: string): Promise<void> {
    await this.field(label).click();
    // antd keeps a hidden listbox for screen readers; click the visible item.
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
  }

  /** The message shown next to a field (antd renders it with role="alert"). */
  fieldMessage(label: string): Locator {
    return this.editor.locator('.ant-form-item').filter({ has: this.page.getByLabel(label, { exact: true }) }).getByRole('alert');
  }

  async save(): Promise<void> {
    await this.editor.getByRole('button', { name: /保\s*存/ }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('搜索孵化器').fill(text);
  }

  rows(): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row');
  }
}
