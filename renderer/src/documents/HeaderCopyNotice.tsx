import { Alert, Button } from 'antd';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import { definitionOf } from '../../../shared/forms/registry.js';

interface Props {
  view: DocumentView;
  busy: boolean;
  onTakeOver(): void;
}

/**
 * 7.3: the document shows its own copy of the incubator record (and the agency profile). When the record changed
 * since, a draft says so and takes the new values with one click; a completed or signed document keeps its copy.
 */
export function HeaderCopyNotice({ view, busy, onTakeOver }: Props) {
  const def = definitionOf(view.record.kind);
  const changed = [...view.changedSince.incubator, ...view.changedSince.agency];
  if (changed.length === 0) return null;
  const names = changed.map((c) => `「${c}」`).join('、');
  if (view.record.status === 'draft' && !view.signed) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`孵化器档案在本表建立后有修改：${names}。本表仍显示建表时的档案信息。`}
        action={
          <Button size="small" type="primary" loading={busy} onClick={onTakeOver}>
            采用最新档案
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`孵化器档案此后有修改（${names}）；本${def.shortName}保留完成时的档案副本，导出和打印都使用该副本。`}
    />
  );
}
