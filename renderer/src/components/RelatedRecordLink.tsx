import { Button } from 'antd';
import type { RelatedRecord } from '../../../shared/rpc/result.js';
import { goTo } from '../navigation/router.js';
import { useHistoryStore } from '../store/history-store.js';
import { RecordLink } from './RecordLink.js';

/**
 * The way to a record an error names: a live record opens; one in the bin is shown in 操作记录, where its
 * delete can be undone.
 */
export function RelatedRecordLink({ record }: { record: RelatedRecord }) {
  if (!record.deleted) {
    return (
      <RecordLink entity={record.entity} rowId={record.id}>
        打开「{record.label}」
      </RecordLink>
    );
  }
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto' }}
      onClick={() => {
        useHistoryStore.getState().setFilter({ entity: record.entity, record: { entity: record.entity, rowId: record.id } });
        goTo('settings');
      }}
    >
      在操作记录中查看「{record.label}」
    </Button>
  );
}
