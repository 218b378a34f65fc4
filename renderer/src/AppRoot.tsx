import { Suspense, useEffect } from 'react';
import { Result, Spin } from 'antd';
import { useAppStore } from './store/app-store.js';
import { AppFrame } from './components/AppFrame.js';
import { lazyPage } from './navigation/lazy-page.js';

// Shown only when the database cannot be opened: its code is not part of the first screen.
const recovery = lazyPage(() => import('./pages/RecoveryScreen.js'), 'RecoveryScreen');

/** What the window shows: the app, or — when the backend or the database is not there — why not. */
export function AppRoot() {
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);
  const refreshStatus = useAppStore((s) => s.refreshStatus);

  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);

  if (loadError) {
    return (
      <main>
        <Result status="error" title="无法连接工作台后台" subTitle={loadError} />
      </main>
    );
  }
  if (!status) return <Spin fullscreen tip="正在打开工作台…" />;
  if (status.database.state === 'problem') {
    return (
      <main>
        <Suspense fallback={<Spin fullscreen tip="正在打开工作台…" />}>
          <recovery.Component />
        </Suspense>
      </main>
    );
  }
  return <AppFrame />;
}
