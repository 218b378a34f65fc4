import { Tag } from 'antd';
import type { HistoryEntry } from '../../../shared/contract/history-contract.js';
import { RecordLink } from './RecordLink.js';

/** A history entry's summary: a link to its record while the record exists, marked when it is deleted. */
export function HistoryEntryText({ entry }: { entry: HistoryEntry }) {
  if (entry.record === 'live') {
    return (
      <RecordLink entity={entry.entity} rowId={entry.rowId} parent={entry.parent}>
        {entry.summary}
      </RecordLink>
    );
  }
  return (
    <span>
      {entry.summary}
      {entry.record === 'deleted' && (
        <Tag style={{ marginInlineStart: 8 }} color="default">
          已删除
        </Tag>
      )}
    </span>
  );
}
