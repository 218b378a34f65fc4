import { Space, Typography } from 'antd';
import type { DocumentSummary } from '../../../shared/domain/document-record.js';

/** 「第 N 版」 in a document list, and which revision supersedes it (sync.md §7). */
export function RevisionCell({ row }: { row: DocumentSummary }) {
  return (
    <Space size={4} orientation="vertical">
      <span>第 {row.revision} 版</span>
      {row.supersededBy && <Typography.Text type="secondary">已被第 {row.supersededBy.revision} 版取代</Typography.Text>}
    </Space>
  );
}
