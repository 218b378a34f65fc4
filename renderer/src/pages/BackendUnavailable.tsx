import { Result } from 'antd';
import { useAppStore } from '../store/app-store.js';

/** The backend did not answer the first call: say so, with its message. */
export function BackendUnavailable() {
  const loadError = useAppStore((s) => s.loadError);
  return <Result status="error" title="无法连接工作台后台" subTitle={loadError} />;
}
