import type { ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { APP_THEME } from '../src/theme.js';

/** Renders inside the same providers as renderer/src/main.tsx (Chinese locale, antd's App for messages/modals). */
export function renderInApp(node: ReactNode): RenderResult {
  return render(
    <ConfigProvider locale={zhCN} virtual={false} theme={APP_THEME}>
      <AntApp>{node}</AntApp>
    </ConfigProvider>,
  );
}
