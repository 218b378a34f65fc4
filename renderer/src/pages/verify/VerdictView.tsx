// What a verification found: the document and revision it matches (with a link to open it), the revision that
// superseded it, or that it matches nothing. Typos are shown next to their field by the form, not here.
import { Alert, Descriptions } from 'antd';
import type { VerifyVerdict } from '../../../../shared/contract/verify-contract.js';
import { definitionOf } from '../../../../shared/forms/registry.js';
import { RecordLink } from '../../components/RecordLink.js';

type Found = Extract<VerifyVerdict, { outcome: 'match' | 'superseded' }>;

function details(v: Found) {
  const d = v.document;
  const entity = definitionOf(d.kind).entity;
  return (
    <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
      <Descriptions.Item label="文档">
        <RecordLink entity={entity} rowId={d.documentId}>
          {d.kindName}
        </RecordLink>
      </Descriptions.Item>
      <Descriptions.Item label="孵化器">{d.incubatorName}</Descriptions.Item>
      {d.date && <Descriptions.Item label="文档日期">{d.date}</Descriptions.Item>}
      <Descriptions.Item label="版本">
        第 {d.revision} 版
        {v.outcome === 'superseded' && (
          <>
            （已被
            <RecordLink entity={entity} rowId={v.supersededBy.id}>
              第 {v.supersededBy.revision} 版
            </RecordLink>
            取代）
          </>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="签署时间">{new Date(d.signedAt).toLocaleString('zh-CN')}</Descriptions.Item>
      <Descriptions.Item label="校验码">{d.checkCode}</Descriptions.Item>
    </Descriptions>
  );
}

export function VerdictView({ verdict }: { verdict: Exclude<VerifyVerdict, { outcome: 'typo' }> }) {
  if (verdict.outcome === 'no-match') return <Alert type="error" showIcon title="不相符" description={verdict.message} />;
  return (
    <Alert
      type={verdict.outcome === 'match' ? 'success' : 'warning'}
      showIcon
      title={verdict.outcome === 'match' ? '相符：是签署版本' : '相符，但已被新版本取代'}
      description={
        <>
          <div>{verdict.message}</div>
          {details(verdict)}
        </>
      }
    />
  );
}
