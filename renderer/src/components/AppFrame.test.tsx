// The window frame: one main landmark, a named navigation, icons that do not read out English file names,
// and a sidebar that collapses on demand.
import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppFrame } from './AppFrame.js';
import { renderInApp } from '../../test/render-app.js';
import { withRealBackend } from '../../test/real-backend.js';
import { useAppStore } from '../store/app-store.js';
import { registerRoutes } from '../navigation/routes.js';
import { goTo } from '../navigation/router.js';
import { PAGE_DIRECTORY } from './page-directory.js';

withRealBackend();
registerRoutes();
// Pointing at the menu preloads every page's code: let it finish before the test environment is torn down, or an
// import still in flight fails after the test (vitest's EnvironmentTeardownError).
afterEach(() => Promise.all(PAGE_DIRECTORY.map((p) => p.page.preload())));

/** Accessible names made of an English word (an antd icon's file name, rc-select's 「Clear」). */
function englishNames(root: HTMLElement): string[] {
  const named = [...root.querySelectorAll<HTMLElement>('[aria-label]')].filter((e) => e.closest('[aria-hidden="true"]') === null);
  return named.map((e) => e.getAttribute('aria-label') ?? '').filter((label) => /^[A-Za-z][A-Za-z -]*$/.test(label));
}

describe('AppFrame', () => {
  it('has exactly one main landmark, a named navigation and the page as the level-1 heading', async () => {
    const { container } = renderInApp(<AppFrame />);
    expect(screen.getAllByRole('main')).toHaveLength(1);
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['工作台', '孵化器', '培育项目', '诊断意见表', '技术服务合同', '培育方案', '培育效果评价表', '服务机构', '校验文件', '设置与备份']);
    expect(await screen.findByRole('heading', { level: 1, name: '工作台' })).toBeTruthy();
    // The dashboard's code arrives on its own (code-split) and fills the main area.
    expect(await within(screen.getByRole('main')).findByText('最近操作')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 0)); // the name watcher runs after each change
    expect(englishNames(container)).toEqual([]);
  });

  it('shows the page the address names, and the menu click changes both', async () => {
    renderInApp(<AppFrame />);
    act(() => goTo('settings'));
    expect(await screen.findByRole('heading', { level: 1, name: '设置与备份' })).toBeTruthy();
    await userEvent.click(screen.getByRole('menuitem', { name: '孵化器' }));
    expect(await screen.findByRole('heading', { level: 1, name: '孵化器' })).toBeTruthy();
    expect(window.location.hash).toBe('#/incubators');
  });

  it('below 1200 px the sidebar starts collapsed; the toggle expands and collapses it, saying which it will do', async () => {
    act(() => useAppStore.setState({ navCollapsed: false }));
    renderInApp(<AppFrame />); // happy-dom's window is 1024 px wide
    await userEvent.click(await screen.findByRole('button', { name: '展开导航栏' }));
    const toggle = screen.getByRole('button', { name: '收起导航栏' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(toggle);
    expect(useAppStore.getState().navCollapsed).toBe(true);
    expect(screen.getByRole('button', { name: '展开导航栏' }).getAttribute('aria-expanded')).toBe('false');
    // Collapsed to icons, the menu items keep their names.
    expect(screen.getByRole('menuitem', { name: /设置与备份/ })).toBeTruthy();
  });
});
