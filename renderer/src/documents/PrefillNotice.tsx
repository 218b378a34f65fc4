import { Alert, Button } from 'antd';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import { formatChineseDate } from '../../../shared/validation/dates.js';

interface Props {
  view: DocumentView;
  busy: boolean;
  onRefresh(): void;
}

/**
 * Where the prefilled values came from (D's 培育前 from the diagnosis, shared/forms/prefill.ts): the source, or that
 * there was none; and when the source changed since (or one exists now), an offer to take its values — never
 * applied without the consultant asking.
 */
export function PrefillNotice({ view, busy, onRefresh }: Props) {
  const p = view.prefill;
  if (!p) return null;
  const draft = view.record.status === 'draft' && !view.signed;
  const source = p.sourceDate ? `${formatChineseDate(p.sourceDate)}的${p.sourceName}` : p.sourceName;
  const offer = draft && p.stale && (
    <Button size="small" type="primary" loading={busy} onClick={onRefresh}>
      {p.sourceId ? `采用最新${p.sourceName}数据` : `采用${p.sourceName}数据`}
    </Button>
  );
  if (!p.sourceId) {
    return (
      <Alert
        type={p.stale ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={p.stale ? `建表时该孵化器还没有${p.sourceName}，「培育前」未预填；现已有${p.sourceName}，可采用其数据。` : `该孵化器还没有${p.sourceName}，「培育前」未预填，请按实际情况填写。`}
        action={offer}
      />
    );
  }
  if (p.stale) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`「培育前」取自${source}，该${p.sourceName}此后有修改。本表未自动更新；采用最新数据时，您改过的值保持不变。`}
        action={offer}
      />
    );
  }
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`「培育前」取自${source}；标注「取自${p.sourceName}」的值可直接修改。`} />;
}
