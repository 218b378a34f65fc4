import { expect, type Locator, type Page } from '@playwright/test';
import { AppFrame } from './app-frame.js';
import { selectListsClosed } from './select-lists.js';

/** 认定规则集: the drawer opened from 诊断意见表. */
export class RuleSetPages {
  readonly frame: AppFrame;

  constructor(readonly page: Page) {
    this.frame = new AppFrame(page);
  }

  async open(): Promise<void> {
    await this.frame.goTo('诊断意见表');
    await this.page.getByRole('button', { name: '认定规则集' }).click();
    await expect(this.drawer).toBeVisible();
  }

  get drawer(): Locator {
    return this.page.getByRole('dialog', { name: '认定规则集' });
  }

  /** A rule's 要求 or 阈值 field, named by its clause (e.g. requirement('4.1.3')). */
  requirement(clause: string): Locator {
    return this.drawer.getByLabel(`${clause} 要求`, { exact: true });
  }

  threshold(clause: string): Locator {
    return this.drawer.getByLabel(`${clause} 阈值`, { exact: true });
  }

  async copyAsOwn(): Promise<void> {
    await this.drawer.getByRole('button', { name: '复制为本机构规则集' }).click();
    await expect(this.page.getByText(/已复制为「.*（副本）」/)).toBeVisible();
  }

  /** Picks a rule set by (part of) its name in the 规则集 select. */
  async select(name: RegExp): Promise<void> {
    const select = this.drawer.getByLabel('规则集', { exact: true });
    await select.click();
    await this.page.getByRole('option', { name }).click();
    // Until the list has gone, Escape belongs to the select (it closes the list), not to the drawer.
    await expect(select).toHaveAttribute('aria-expanded', 'false');
    await selectListsClosed(this.page);
  }

  async save(): Promise<void> {
    await this.drawer.getByRole('button', { name: '保存规则集' }).click();
  }
}
