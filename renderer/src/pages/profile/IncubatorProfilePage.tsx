import { useEffect } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { IncubatorProfile } from '../../../../shared/contract/profile-contract.js';
import { definitionOf } from '../../../../shared/forms/registry.js';
import { RECORD_DEFINITIONS } from '../../../../shared/process/record-kinds.js';
import { STAGE_INFO, stageIndex } from '../../../../shared/process/stages.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { RecordLink } from '../../components/RecordLink.js';
import { useProfileStore } from '../../store/profile-store.js';
import { FigureSeriesCard } from './FigureSeriesCard.js';

/** The incubator's profile (企业画像, docs/process.md §Profile): who it is, its key figures over time, its documents and projects. */
export function IncubatorProfilePage({ id }: { id: string }) {
  const { profile, error, load, close } = useProfileStore();

  useEffect(() => {
    void load();
  }, [id, load]);

  if (!profile) return error ? <Alert type="error" showIcon message={error} /> : <p className="wb-opening">正在打开画像…</p>;
  const { incubator } = profile;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {/* Back to where the profile was opened from (the incubator list). */}
        <Button icon={<ArrowLeftOutlined />} onClick={close}>
          返回
        </Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {incubator.name} · 画像
        </Typography.Title>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label="孵化器类型">{[incubator.incubatorType, incubator.industry].filter(Boolean).join(' · ') || '未填'}</Descriptions.Item>
        <Descriptions.Item label="运营机构">{incubator.operator}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{incubator.creditCode}</Descriptions.Item>
        <Descriptions.Item label="联系人">{[incubator.contactName, incubator.contactMobile].filter(Boolean).join(' ') || '未填'}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title="主要指标（来自诊断意见表和培育效果评价表）">
        {profile.figures.length === 0 ? (
          <Empty description="还没有诊断意见表或评价表中通过校验的指标" />
        ) : (
          <div className="wb-figure-grid">
            {profile.figures.map((f) => (
              <FigureSeriesCard key={f.key} figure={f} />
            ))}
          </div>
        )}
      </Card>
      <Card size="small" title="培育项目">
        {profile.projects.length === 0 ? <Empty description="该孵化器还没有培育项目" /> : <ProjectList projects={profile.projects} />}
      </Card>
      <Card size="small" title="文档">
        {profile.documents.length === 0 ? <Empty description="该孵化器还没有文档" /> : <DocumentList documents={profile.documents} />}
      </Card>
    </Space>
  );
}

function ProjectList({ projects }: { projects: IncubatorProfile['projects'] }) {
  return (
    <ul className="wb-plain-list">
      {projects.map((p) => (
        <li key={p.id}>
          <RecordLink entity="cultivation_projects" rowId={p.id}>
            {p.name}
          </RecordLink>{' '}
          · {formatChineseDate(p.startedOn)} 开始 · {p.closedOn ? `已于 ${formatChineseDate(p.closedOn)} 结束` : `第 ${stageIndex(p.stage) + 1}/7 阶段「${STAGE_INFO[p.stage].title}」`}（已完成 {p.stagesDone}/7）
          <div className="wb-secondary-line">{p.records.length === 0 ? '还没有记录' : p.records.map((r) => `${RECORD_DEFINITIONS[r.kind].title} ${r.count} 条`).join('，')}</div>
        </li>
      ))}
    </ul>
  );
}

function DocumentList({ documents }: { documents: IncubatorProfile['documents'] }) {
  return (
    <ul className="wb-plain-list">
      {documents.map((d) => {
        const def = definitionOf(d.kind);
        return (
          <li key={d.id}>
            <RecordLink entity={def.entity} rowId={d.id}>
              {def.shortName}
              {d.revision > 1 ? `（第 ${d.revision} 版）` : ''}
            </RecordLink>{' '}
            {d.date ? formatChineseDate(d.date) : '未填日期'} · {d.signed ? '已签署' : d.status === 'completed' ? '已完成' : '草稿'}
            {d.supersededBy !== null ? ` · 已由第 ${d.supersededBy} 版取代` : ''}
          </li>
        );
      })}
    </ul>
  );
}
