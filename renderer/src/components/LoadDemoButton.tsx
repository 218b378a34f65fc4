import { useState } from 'react';
import { App, Button } from 'antd';
import { call, errorMessage } from '../api/client.js';

export function LoadDemoButton({ onLoaded }: { onLoaded?: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const r = await call('demo.load', {});
          message.success(r.created > 0 ? `已加载 ${r.created} 个示例孵化器` : '示例数据已存在，未重复添加');
          onLoaded?.();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      加载示例数据
    </Button>
  );
}
