import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AppRoot } from './AppRoot.js';
import { registerRoutes } from './navigation/routes.js';
import { startRouter, useRoute } from './navigation/router.js';
import { pageEntry } from './components/page-directory.js';
import { watchChineseNames } from './a11y/chinese-names.js';
import { useAppStore } from './store/app-store.js';
import { useDashboardStore } from './store/dashboard-store.js';
import { APP_THEME } from './theme.js';
// antd's component styles, extracted with APP_THEME at build time; before styles.css, which refines them.
import 'virtual:antd-styles.css';
import './styles.css';

dayjs.locale('zh-cn');
watchChineseNames(document.body);
registerRoutes();
startRouter();
// The first screen asks the backend at once, while its code is still loading, not after React has rendered.
void useAppStore.getState().refreshStatus();
void pageEntry(useRoute.getState().page).page.preload();
if (useRoute.getState().page === 'dashboard') void useDashboardStore.getState().prime();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // Virtual lists give screen readers a hidden three-item stand-in instead of the real options (rc-select);
      // our lists are short enough to render whole, so every option is a real role="option".
      virtual={false}
      theme={APP_THEME}
    >
      <AntApp>
        <AppRoot />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
