import { Layout, Menu, Tag, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, DashboardOutlined, FileSearchOutlined, SettingOutlined } from '@ant-design/icons';
import { type Page, useAppStore } from '../store/app-store.js';
import { shell } from '../api/client.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { DashboardPage } from '../pages/DashboardPage.js';
import { IncubatorListPage } from '../pages/IncubatorListPage.js';
import { AgencyPage } from '../pages/AgencyPage.js';
import { SettingsPage } from '../pages/SettingsPage.js';
import { DiagnosisPage } from '../pages/diagnosis/DiagnosisPage.js';

const NAV: { key: Page; label: string; icon: React.ReactNode }[] = [
  { key: 'dashboard', label: '工作台', icon: <DashboardOutlined /> },
  { key: 'incubators', label: '孵化器', icon: <ApartmentOutlined /> },
  { key: 'diagnoses', label: '诊断意见表', icon: <FileSearchOutlined /> },
  { key: 'agency', label: '服务机构', icon: <BankOutlined /> },
  { key: 'settings', label: '设置与备份', icon: <SettingOutlined /> },
];

const PAGES: Record<Page, () => React.ReactNode> = {
  dashboard: () => <DashboardPage />,
  incubators: () => <IncubatorListPage />,
  diagnoses: () => <DiagnosisPage />,
  agency: () => <AgencyPage />,
  settings: () => <SettingsPage />,
};

export function AppFrame() {
  const page = useAppStore((s) => s.page);
  const goTo = useAppStore((s) => s.goTo);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #e8e8e8' }}>
        <div style={{ padding: '18px 16px 12px' }}>
          <Typography.Text strong style={{ fontSize: 15, color: '#1d5fb4' }}>
            孵化器培育服务工作台
          </Typography.Text>
          <div style={{ fontSize: 12, color: '#8c8c8c', marginTop: 4 }}>依据 T/GXAS 453-2023</div>
        </div>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            selectedKeys={[page]}
            items={NAV.map((n) => ({ key: n.key, icon: n.icon, label: n.label }))}
            onClick={(e) => goTo(e.key as Page)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', borderBottom: '1px solid #e8e8e8', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: 52 }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {NAV.find((n) => n.key === page)?.label}
          </Typography.Title>
          <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            <SyncIndicator />
            {shell === 'browser' && <Tag color="blue">浏览器模式 · 数据保存在本机</Tag>}
          </div>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>{PAGES[page]()}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
