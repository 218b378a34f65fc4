import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Modal, Space, Steps, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { definitionOf } from '../../../../shared/forms/registry.js';
import { RECORD_DEFINITIONS, type RecordKind } from '../../../../shared/process/record-kinds.js';
import { PROJECT_STAGES, type ProjectStage, STAGE_INFO, stageIndex } from '../../../../shared/process/stages.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { call, errorMessage } from '../../api/client.js';
import { goTo, navigate } from '../../navigation/router.js';
import { useProjectStore } from '../../store/project-store.js';
import { ProjectRecords } from './ProjectRecords.js';
import { ArchiveExport } from './ArchiveExport.js';
import { ProfileButton } from '../../components/ProfileButton.js';
import { StageMoveDialog } from './StageMoveDialog.js';

/** One project: where it stands on the standard's path, what completes each stage, its history and records. */
export function ProjectPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const { view, error, refresh, show, close } = useProjectStore();
  const [selected, setSelected] = useState<ProjectStage | null>(null);
  const [moving, setMoving] = useState<ProjectStage | null>(null);
  const [closing, setClosing] = useState(false);
  const [openRecord, setOpenRecord] = useState<{ kind: RecordKind; id: string | null } | null>(null);
  const today = view?.today ?? '';

  useEffect(() => {
    void refresh();
    // A 本周待办 link names the record to open.
    const pending = useProjectStore.getState().pendingRecord;
    if (pending) {
      setOpenRecord(pending);
      useProjectStore.getState().focusRecord(null);
    }
  }, [id, refresh]);

  if (!view) return error ? <Alert type="error" showIcon message={error} /> : <p className="wb-opening">正在打开项目…</p>;
  const shown = selected ?? view.stage;
  const status = view.stages.find((s) => s.stage === shown)!;
  const current = stageIndex(view.stage);
  const next = PROJECT_STAGES[current + 1];

  const closeProject = async (date: string) => {
    try {
      show(await call('projects.close', { id: view.id, date }));
      message.success('项目已结束');
      setClosing(false);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {/* Back to where the project was opened from (the list, or a 工作台 link). */}
        <Button icon={<ArrowLeftOutlined />} onClick={close}>
          返回
        </Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {view.incubatorName} · {view.name}
        </Typography.Title>
        <ProfileButton incubatorId={view.incubatorId} incubatorName={view.incubatorName} />
        <ArchiveExport projectId={view.id} />
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="开始日期">{formatChineseDate(view.startedOn)}</Descriptions.Item>
        <Descriptions.Item label="当前阶段">{STAGE_INFO[view.stage].title}</Descriptions.Item>
        <Descriptions.Item label="状态">{view.closedOn ? `已于 ${formatChineseDate(view.closedOn)} 结束` : `进行中（已完成 ${view.stagesDone}/7 个阶段）`}</Descriptions.Item>
      </Descriptions>
      <Card size="small">
        <Steps
          size="small"
          current={current}
          onChange={(i) => setSelected(PROJECT_STAGES[i]!)}
          items={view.stages.map((s, i) => ({
            title: STAGE_INFO[s.stage].title,
            description: s.done ? '已完成' : i === current ? '进行中' : '未完成',
            status: s.done ? 'finish' : i === current ? 'process' : 'wait',
            'aria-current': i === current ? 'step' : undefined,
          }))}
        />
      </Card>
      <Card
        size="small"
        title={`${STAGE_INFO[shown].clause} ${STAGE_INFO[shown].title}${shown === view.stage ? '（当前阶段）' : ''}`}
        extra={
          !view.closedOn && (
            <Space wrap>
              {shown === view.stage && next && (
                <Button type="primary" onClick={() => setMoving(next)}>
                  进入下一阶段：{STAGE_INFO[next].title}
                </Button>
              )}
              {shown !== view.stage && <Button onClick={() => setMoving(shown)}>转到此阶段…</Button>}
              {shown === view.stage && view.stage === 'improvement' && <Button onClick={() => setClosing(true)}>结束项目…</Button>}
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          完成本阶段需要：
        </Typography.Paragraph>
        <ul className="wb-stage-requirements" aria-label={`${STAGE_INFO[shown].title}的完成条件`}>
          {status.requirements.map((r) => (
            <li key={r.wording}>
              {r.met ? <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="已满足" /> : <CloseCircleOutlined style={{ color: '#8c8c8c' }} aria-label="未满足" />}{' '}
              {r.wording}{' '}
              {r.evidence?.type === 'document' && (
                <Button type="link" size="small" onClick={() => navigate(`/documents/${r.evidence!.kind}/${encodeURIComponent(r.evidence!.id)}`)}>
                  打开{definitionOf(r.evidence.kind).shortName}
                </Button>
              )}
              {r.evidence?.type === 'record' && (
                <Button type="link" size="small" onClick={() => setOpenRecord({ kind: r.evidence!.kind as RecordKind, id: r.evidence!.id })}>
                  查看记录
                </Button>
              )}
              {!r.met && <MissingAction requirement={STAGE_INFO[shown].requires[status.requirements.indexOf(r)]!} onNewRecord={(kind) => setOpenRecord({ kind, id: null })} />}
            </li>
          ))}
        </ul>
      </Card>
      <ProjectRecords project={view} open={openRecord} onOpen={setOpenRecord} onSaved={show} />
      <Card size="small" title="项目文档">
        {view.documents.length === 0 ? (
          <Empty description="该项目期间还没有诊断意见表、合同、培育方案或评价表" />
        ) : (
          <ul className="wb-plain-list">
            {view.documents.map((d) => (
              <li key={d.id}>
                <Button type="link" onClick={() => navigate(`/documents/${d.kind}/${encodeURIComponent(d.id)}`)}>
                  {definitionOf(d.kind).shortName}
                  {d.revision > 1 ? `（第 ${d.revision} 版）` : ''}
                </Button>
                {d.date ? formatChineseDate(d.date) : ''} · {d.signed ? '已签署' : d.status === 'completed' ? '已完成' : '草稿'}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title="阶段变更记录">
        <Timeline
          items={[...view.moves].reverse().map((m) => ({
            color: m.outOfOrder ? 'orange' : 'blue',
            children: (
              <>
                <strong>{formatChineseDate(m.date)}</strong> {m.from ? `从「${STAGE_INFO[m.from].title}」` : '新建项目，'}进入「{STAGE_INFO[m.to].title}」
                {m.outOfOrder && <div>未按顺序，原因：{m.reason}</div>}
                {!m.outOfOrder && m.reason && <div>说明：{m.reason}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {moving && (
        <StageMoveDialog
          project={view}
          target={moving}
          today={today}
          onClose={() => setMoving(null)}
          onMoved={(v) => {
            show(v);
            setMoving(null);
            setSelected(null);
          }}
        />
      )}
      {closing && <CloseProjectDialog today={today} onClose={() => setClosing(false)} onConfirm={(d) => void closeProject(d)} />}
    </Space>
  );
}

function MissingAction({ requirement, onNewRecord }: { requirement: (typeof STAGE_INFO)[ProjectStage]['requires'][number]; onNewRecord(kind: RecordKind): void }) {
  if (requirement.type === 'document') {
    return (
      <Button type="link" size="small" onClick={() => goTo(requirement.kind)}>
        去{definitionOf(requirement.kind).shortName}
      </Button>
    );
  }
  return (
    <Button type="link" size="small" onClick={() => onNewRecord(requirement.kind)}>
      新增{RECORD_DEFINITIONS[requirement.kind].title}
    </Button>
  );
}

function CloseProjectDialog({ today, onClose, onConfirm }: { today: string; onClose(): void; onConfirm(date: string): void }) {
  const [date, setDate] = useState(today);
  return (
    <Modal open title="结束培育项目" okText="结束项目" cancelText="取消" onOk={() => onConfirm(date)} onCancel={onClose}>
      <p>结束后，该孵化器可以开始新的培育项目；本项目的记录和文档仍可查看。</p>
      <label htmlFor="close-date">结束日期</label>
      <DatePicker
        id="close-date"
        style={{ width: '100%' }}
        value={dayjs(date)}
        allowClear={false}
        disabledDate={(d) => d.format('YYYY-MM-DD') > today}
        onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
      />
    </Modal>
  );
}
