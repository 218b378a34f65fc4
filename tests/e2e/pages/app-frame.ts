import { expect, type Locator, type Page } from '@playwright/test';

/** The window around every page: the sidebar navigation, the header, the one main area. */
export class AppFrame {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: '主导航' });
  }

  get sidebar(): Locator {
    return this.page.getByRole('complementary');
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get banner(): Locator {
    return this.page.getByRole('banner');
  }

  /** The button that collapses or expands the sidebar; its name says which it will do. */
  get navToggle(): Locator {
    return this.banner.getByRole('button', { name: /^(收起|展开)导航栏$/ });
  }

  async goTo(pageName: string): Promise<void> {
    await this.navigation.getByRole('menuitem', { name: pageName }).click();
    await expect(this.heading).toHaveText(pageName);
  }

  get heading(): Locator {
    return this.banner.getByRole('heading', { level: 1 });
  }

  /** The address after '#'. */
  route(): string {
    return new URL(this.page.url()).hash.replace(/^#/, '');
  }
}
