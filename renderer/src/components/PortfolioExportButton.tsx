import { useRef, useState } from 'react';
import { App, Button, Modal, Progress } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { call, errorMessage } from '../api/client.js';
import { downloadExportedFile } from '../documents/download.js';

/**
 * 导出汇总表: the portfolio workbook of the incubators shown (all, or those the search found), with a progress bar
 * while the backend writes it (it reports how many incubators it has read; the app asks every 300 ms).
 */
export function PortfolioExportButton({ incubatorIds, filtered }: { incubatorIds: readonly string[]; filtered: boolean }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const run = async () => {
    setProgress({ done: 0, total: incubatorIds.length });
    timer.current = setInterval(() => {
      void call('portfolio.progress', {}).then((p) => p && p.total > 0 && setProgress(p));
    }, 300);
    try {
      const file = await call('portfolio.export', filtered ? { incubatorIds: [...incubatorIds] } : {});
      downloadExportedFile(file);
      message.success(`已导出 ${file.fileName}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      if (timer.current) clearInterval(timer.current);
      setProgress(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => void run()} disabled={progress !== null || incubatorIds.length === 0}>
        {filtered ? '导出所列孵化器汇总表' : '导出汇总表'}
      </Button>
      <Modal open={progress !== null} title="正在生成培育工作汇总表" footer={null} closable={false} maskClosable={false}>
        <Progress percent={percent} aria-label="汇总表生成进度" />
        <div>{progress ? `已读取 ${progress.done} / ${progress.total || incubatorIds.length} 个孵化器的资料` : ''}</div>
      </Modal>
    </>
  );
}
