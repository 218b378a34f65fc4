import { Suspense, useRef } from 'react';
import { Button, Layout, Menu, Tag } from 'antd';
import { shell } from '../api/client.js';
import { useAppStore } from '../store/app-store.js';
import { goTo, type Page, useRoute } from '../navigation/router.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { PAGE_DIRECTORY, pageEntry } from './page-directory.js';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';

/**
 * The window: sidebar, header, and the one <main> (antd's Layout.Content renders it) holding the page. Only the
 * main area scrolls, so the header and sidebar stay put and a dialog opening never shifts the layout
 * (docs/ui.md, "Layout").
 */
export function AppFrame() {
  const page = useRoute((s) => s.page);
  const collapsed = useAppStore((s) => s.navCollapsed);
  const setCollapsed = useAppStore((s) => s.setNavCollapsed);
  const main = useRef<HTMLElement>(null);
  const entry = pageEntry(page);
  const { Component } = entry.page;

  return (
    <Layout className="wb-shell">
      <button type="button" className="wb-skip-link" onClick={() => main.current?.focus()}>
        跳到主要内容
      </button>
      <Layout.Sider
        className="wb-sider"
        theme="light"
        width={208}
        collapsedWidth={64}
        breakpoint="xl"
        collapsible
        collapsed={collapsed}
        onCollapse={(c) => setCollapsed(c)}
        trigger={null}
      >
        <div className="wb-brand" title="孵化器培育服务工作台（依据 T/GXAS 453-2023）">
          {collapsed ? (
            <span className="wb-brand-mark" aria-hidden>
              孵
            </span>
          ) : (
            <>
              <strong className="wb-brand-name">孵化器培育服务工作台</strong>
              <div className="wb-brand-note">依据 T/GXAS 453-2023</div>
            </>
          )}
        </div>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            selectedKeys={[page]}
            items={PAGE_DIRECTORY.map((p) => ({ key: p.key, icon: p.icon, label: p.label, title: p.label }))}
            onClick={(e) => goTo(e.key as Page)}
            onMouseEnter={() => void preloadAll()}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout className="wb-body">
        <Layout.Header className="wb-header">
          <div className="wb-header-title">
            <Button
              type="text"
              aria-label={collapsed ? '展开导航栏' : '收起导航栏'}
              aria-expanded={!collapsed}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <h1 className="wb-page-title">{entry.label}</h1>
          </div>
          <div className="wb-header-tools">
            <SyncIndicator />
            {shell === 'browser' && <Tag color="blue">浏览器模式 · 数据保存在本机</Tag>}
          </div>
        </Layout.Header>
        <Layout.Content className="wb-main" ref={main} tabIndex={-1}>
          <Suspense fallback={<p className="wb-opening">正在打开页面…</p>}>
            <Component />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Hovering the menu starts loading the other pages, so a click rarely waits for code. */
function preloadAll(): Promise<unknown> {
  return Promise.all(PAGE_DIRECTORY.map((p) => p.page.preload()));
}
