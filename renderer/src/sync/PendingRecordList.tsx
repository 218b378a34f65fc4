// 待上传: one line per record with what changed in it (issue 8.2) — 「诊断意见表「柳州…」：在孵企业数量、诊断总结」 —
// each a link to the record, instead of one anonymous line per field.
import { useEffect, useState } from 'react';
import { Empty, List, Typography } from 'antd';
import type { PendingRecord } from '../../../shared/contract/sync-contract.js';
import { call } from '../api/client.js';
import { RecordLink } from '../components/RecordLink.js';
import { useSyncStore } from './sync-store.js';
import { fieldLabel, formatTime } from './format.js';

/** Field names listed on a line before 「等 N 项」. */
const LISTED_FIELDS = 5;

function changedFields(r: PendingRecord): string {
  const labels = [...new Set(r.fields.map((f) => fieldLabel(r.entity, f)))];
  const shown = labels.slice(0, LISTED_FIELDS).join('、');
  return labels.length > LISTED_FIELDS ? `${shown}等 ${labels.length} 项` : shown;
}

export function PendingRecordList() {
  const [records, setRecords] = useState<PendingRecord[]>([]);
  const pending = useSyncStore((s) => s.status?.pending ?? 0);
  useEffect(() => {
    call('sync.pendingRecords', { limit: 200 }).then(setRecords, () => undefined);
  }, [pending]);
  if (records.length === 0) return <Empty description="没有等待上传的修改" />;
  return (
    <List
      size="small"
      header={`${records.length} 条记录有修改等待上传（修改已保存在本机）`}
      dataSource={records}
      renderItem={(r) => (
        <List.Item>
          <div>
            <RecordLink entity={r.entity} rowId={r.rowId}>
              {r.entityLabel}「{r.recordName}」
            </RecordLink>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              自 {formatTime(r.since)} 起
            </Typography.Text>
            <div>{changedFields(r)}</div>
          </div>
        </List.Item>
      )}
    />
  );
}
