// The pages of the main navigation: their names (what the sidebar and the heading say), icons and code,
// each loaded on first use.
import type { ReactNode } from 'react';
import type { Page } from '../navigation/router.js';
import { lazyPage, type LazyPage } from '../navigation/lazy-page.js';
import { ApartmentOutlined, BankOutlined, DashboardOutlined, FileSearchOutlined, SettingOutlined } from '@ant-design/icons';

export interface PageEntry {
  key: Page;
  label: string;
  icon: ReactNode;
  page: LazyPage;
}

export const PAGE_DIRECTORY: readonly PageEntry[] = [
  { key: 'dashboard', label: '工作台', icon: <DashboardOutlined />, page: lazyPage(() => import('../pages/DashboardPage.js'), 'DashboardPage') },
  { key: 'incubators', label: '孵化器', icon: <ApartmentOutlined />, page: lazyPage(() => import('../pages/IncubatorListPage.js'), 'IncubatorListPage') },
  { key: 'diagnoses', label: '诊断意见表', icon: <FileSearchOutlined />, page: lazyPage(() => import('../pages/diagnosis/DiagnosisPage.js'), 'DiagnosisPage') },
  { key: 'agency', label: '服务机构', icon: <BankOutlined />, page: lazyPage(() => import('../pages/AgencyPage.js'), 'AgencyPage') },
  { key: 'settings', label: '设置与备份', icon: <SettingOutlined />, page: lazyPage(() => import('../pages/SettingsPage.js'), 'SettingsPage') },
];

export function pageEntry(key: Page): PageEntry {
  return PAGE_DIRECTORY.find((p) => p.key === key) ?? PAGE_DIRECTORY[0]!;
}
