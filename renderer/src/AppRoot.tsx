import { useEffect } from 'react';
import { Result, Spin } from 'antd';
import { useAppStore } from './store/app-store.js';
import { AppFrame } from './components/AppFrame.js';
import { RecoveryScreen } from './pages/RecoveryScreen.js';

export function AppRoot() {
  const status = useAppStore((s) => s.status);
  const loadError = useAppStore((s) => s.loadError);
  const refreshStatus = useAppStore((s) => s.refreshStatus);

  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);

  if (loadError) return <Result status="error" title="无法连接工作台后台" subTitle={loadError} />;
  if (!status) return <Spin fullscreen tip="正在打开工作台…" />;
  if (status.database.state === 'problem') return <RecoveryScreen status={status} />;
  return <AppFrame />;
}
