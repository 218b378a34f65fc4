// The pages of the main navigation: their names (what the sidebar and the heading say), icons and code,
// each loaded on first use except 工作台, the first screen.
import type { ReactNode } from 'react';
import { DOCUMENT_KINDS, type DocumentKind, definitionOf } from '../../../shared/forms/registry.js';
import type { Page } from '../navigation/router.js';
import { eagerPage, lazyPage, type LazyPage } from '../navigation/lazy-page.js';
import { DashboardPage } from '../pages/DashboardPage.js';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  NodeIndexOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
} from '@ant-design/icons';

export interface PageEntry {
  key: Page;
  label: string;
  icon: ReactNode;
  page: LazyPage;
}

/** The sidebar icon of each document kind: a new kind fails the typecheck here until it has one. */
const DOCUMENT_ICONS: Record<DocumentKind, ReactNode> = {
  diagnosis: <FileSearchOutlined />,
  contract: <AuditOutlined />,
  plan: <ScheduleOutlined />,
  evaluation: <RiseOutlined />,
};

/** Every document kind's list page: the generic list and editor, taking the kind. */
const documentPages: PageEntry[] = DOCUMENT_KINDS.map((kind) => ({
  key: kind,
  label: definitionOf(kind).shortName,
  icon: DOCUMENT_ICONS[kind],
  page: lazyPage(async () => {
    const { DocumentListPage } = await import('../documents/DocumentListPage.js');
    return { [`${kind}-page`]: () => <DocumentListPage kind={kind} /> };
  }, `${kind}-page`),
}));

export const PAGE_DIRECTORY: readonly PageEntry[] = [
  { key: 'dashboard', label: '工作台', icon: <DashboardOutlined />, page: eagerPage(DashboardPage) },
  { key: 'incubators', label: '孵化器', icon: <ApartmentOutlined />, page: lazyPage(() => import('../pages/IncubatorListPage.js'), 'IncubatorListPage') },
  { key: 'projects', label: '培育项目', icon: <NodeIndexOutlined />, page: lazyPage(() => import('../pages/projects/ProjectListPage.js'), 'ProjectListPage') },
  ...documentPages,
  { key: 'agency', label: '服务机构', icon: <BankOutlined />, page: lazyPage(() => import('../pages/AgencyPage.js'), 'AgencyPage') },
  { key: 'verify', label: '校验文件', icon: <SafetyCertificateOutlined />, page: lazyPage(() => import('../pages/verify/VerifyPage.js'), 'VerifyPage') },
  { key: 'settings', label: '设置与备份', icon: <SettingOutlined />, page: lazyPage(() => import('../pages/SettingsPage.js'), 'SettingsPage') },
];

export function pageEntry(key: Page): PageEntry {
  return PAGE_DIRECTORY.find((p) => p.key === key) ?? PAGE_DIRECTORY[0]!;
}
