import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { ProjectView } from '../../../../shared/contract/projects-contract.js';
import { checkStageMove, STAGE_REASON_MAX } from '../../../../shared/process/stage-rules.js';
import { PROJECT_STAGES, type ProjectStage, STAGE_INFO, stageIndex } from '../../../../shared/process/stages.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';

interface Props {
  project: ProjectView;
  /** The stage proposed (the next one, or the one clicked in the step bar). */
  target: ProjectStage;
  today: string;
  onMoved(view: ProjectView): void;
  onClose(): void;
}

/**
 * Moves the project to another stage. The same rule as the backend (shared/process/stage-rules.ts) says up front
 * whether the move is in order; when it is not, a reason is asked for and kept in the history.
 */
export function StageMoveDialog({ project, target: proposed, today, onMoved, onClose }: Props) {
  const { message } = App.useApp();
  const [target, setTarget] = useState<ProjectStage>(proposed);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const inOrder = checkStageMove(project.stage, target, project.stages, '');
  const needsReason = !inOrder.ok;

  const submit = async () => {
    const check = checkStageMove(project.stage, target, project.stages, reason);
    if (!check.ok) {
      setError({ field: 'reason', message: check.message });
      return;
    }
    setSaving(true);
    try {
      const view = await call('projects.moveStage', { id: project.id, to: target, date, reason });
      message.success(`已进入「${STAGE_INFO[target].title}」阶段`);
      onMoved(view);
    } catch (e) {
      if (e instanceof RpcFailure && e.error.field) setError({ field: e.error.field, message: e.error.message });
      else message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const at = (field: string) => (error?.field === field ? { validateStatus: 'error' as const, help: <span role="alert">{error.message}</span> } : {});
  return (
    <Modal open title="变更项目阶段" okText="确认变更" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose}>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="当前阶段">
          <span>{STAGE_INFO[project.stage].title}</span>
        </Form.Item>
        <Form.Item label="进入阶段" htmlFor="stage-target">
          <Select
            id="stage-target"
            value={target}
            onChange={(v: ProjectStage) => {
              setTarget(v);
              setError(null);
            }}
            options={PROJECT_STAGES.filter((s) => s !== project.stage).map((s) => ({ value: s, label: `${stageIndex(s) + 1}. ${STAGE_INFO[s].title}` }))}
          />
        </Form.Item>
        <Form.Item label="变更日期" htmlFor="stage-date" {...at('date')}>
          <DatePicker
            id="stage-date"
            style={{ width: '100%' }}
            value={dayjs(date)}
            format="YYYY-MM-DD"
            allowClear={false}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
          />
        </Form.Item>
        <Form.Item
          label={needsReason ? '原因（未按顺序变更，必填）' : '原因（选填）'}
          htmlFor="stage-reason"
          extra={needsReason && !error ? inOrder.message : undefined}
          {...at('reason')}
        >
          <Input.TextArea id="stage-reason" value={reason} maxLength={STAGE_REASON_MAX} showCount autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
