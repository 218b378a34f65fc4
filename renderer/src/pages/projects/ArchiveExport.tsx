import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Typography } from 'antd';
import { FileZipOutlined } from '@ant-design/icons';
import type { ArchiveJobStatus } from '../../../../shared/contract/projects-contract.js';
import { call, errorMessage, shell } from '../../api/client.js';

const POLL_MS = 300;

/**
 * 导出项目档案 (§5.2.6 b): starts the archive in the backend, shows its progress with 取消, and when done says where
 * the file is — in browser mode with a download link (the host serves the archives folder).
 */
export function ArchiveExport({ projectId }: { projectId: string }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<ArchiveJobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const s = await call('projects.archiveStatus', { jobId });
        if (stopped) return;
        setStatus(s);
        if (s.state === 'running') timer.current = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (!stopped) setError(errorMessage(e));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [jobId]);

  const start = async () => {
    setError(null);
    setStatus(null);
    try {
      setJobId((await call('projects.startArchive', { id: projectId })).jobId);
    } catch (e) {
      setError(errorMessage(e));
      setJobId('failed');
    }
  };
  const cancel = () => {
    if (jobId && status?.state === 'running') void call('projects.cancelArchive', { jobId });
  };
  const close = () => {
    setJobId(null);
    setStatus(null);
    setError(null);
  };

  const running = status?.state === 'running' || (jobId !== null && status === null && error === null);
  const percent = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <>
      <Button icon={<FileZipOutlined />} onClick={() => void start()}>
        导出项目档案
      </Button>
      {jobId && (
        <Modal
          open
          title="导出项目档案"
          closable={!running}
          maskClosable={false}
          onCancel={running ? cancel : close}
          footer={
            running ? (
              <Button onClick={cancel}>取消导出</Button>
            ) : (
              <Button type="primary" onClick={close}>
                关闭
              </Button>
            )
          }
        >
          {error && <Alert type="error" showIcon message={error} />}
          {running && (
            <>
              <Progress percent={percent} aria-label="导出进度" />
              <Typography.Text type="secondary">{status?.current ? `正在写入：${status.current}` : '正在准备…'}</Typography.Text>
            </>
          )}
          {status?.state === 'done' && (
            <Alert
              type="success"
              showIcon
              message={`已导出 ${status.files ?? 0} 个文件（${((status.size ?? 0) / 1024 / 1024).toFixed(1)} MB），含归档清单（各文件的日期与 SHA-256）。`}
              description={
                <>
                  <div>保存位置：{status.path}</div>
                  {shell === 'browser' && (
                    <a href={`/archives/${encodeURIComponent(status.fileName)}`} download={status.fileName}>
                      下载 {status.fileName}
                    </a>
                  )}
                </>
              }
            />
          )}
          {status?.state === 'cancelled' && <Alert type="info" showIcon message="已取消导出，没有留下不完整的文件。" />}
          {status?.state === 'failed' && <Alert type="error" showIcon message={status.message ?? '导出失败。'} />}
        </Modal>
      )}
    </>
  );
}
