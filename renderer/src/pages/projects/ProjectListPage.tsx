import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { IncubatorSummary } from '../../../../shared/contract/incubator-contract.js';
import type { ProjectSummary } from '../../../../shared/contract/projects-contract.js';
import { localIsoDate } from '../../../../shared/dates/local-date.js';
import { PROJECT_STAGES, type ProjectStage, STAGE_INFO, stageIndex } from '../../../../shared/process/stages.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';
import { useProjectStore } from '../../store/project-store.js';
import { ProjectPage } from './ProjectPage.js';

/** Every cultivation project by stage (docs/process.md), and the project page when one is open. */
export function ProjectListPage() {
  const { items, loading, error, stageFilter, openId, load, setStageFilter, open } = useProjectStore();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  if (openId) return <ProjectPage id={openId} />;

  const counts = new Map<ProjectStage, number>();
  for (const p of items) if (!p.closedOn) counts.set(p.stage, (counts.get(p.stage) ?? 0) + 1);
  const shown = items.filter((p) => stageFilter === null || (p.stage === stageFilter && !p.closedOn));

  return (
    <Card>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Segmented<ProjectStage | 'all'>
            aria-label="按阶段筛选"
            value={stageFilter ?? 'all'}
            onChange={(v) => setStageFilter(v === 'all' ? null : v)}
            options={[
              { value: 'all', label: `全部（${items.length}）` },
              ...PROJECT_STAGES.map((s) => ({ value: s, label: `${STAGE_INFO[s].title}（${counts.get(s) ?? 0}）` })),
            ]}
            // Seven stages do not fit a laptop window: the filter scrolls sideways rather than being cut off.
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建培育项目
          </Button>
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Table<ProjectSummary>
          rowKey="id"
          loading={loading}
          dataSource={shown}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有培育项目：点击“新建培育项目”，从宣传与洽谈开始记录' }}
          onRow={(p) => ({ onDoubleClick: () => open(p.id) })}
          columns={[
            {
              title: '孵化器',
              dataIndex: 'incubatorName',
              width: 240,
              render: (name: string, p) => (
                <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => open(p.id)}>
                  {name}
                </Button>
              ),
            },
            { title: '项目名称', dataIndex: 'name', ellipsis: true },
            {
              title: '所处阶段',
              width: 170,
              render: (_, p) =>
                p.closedOn ? <Tag>已结束</Tag> : <Tag color="blue">{`${stageIndex(p.stage) + 1}/7 ${STAGE_INFO[p.stage].title}`}</Tag>,
            },
            { title: '已完成阶段', width: 110, render: (_, p) => `${p.stagesDone}/7` },
            { title: '开始日期', width: 150, render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{formatChineseDate(p.startedOn)}</span> },
          ]}
        />
      </Space>
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            open(id);
          }}
        />
      )}
    </Card>
  );
}

interface NewProject {
  incubatorId?: string;
  name: string;
  startedOn: string;
}

function NewProjectDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewProject>();
  const [incubators, setIncubators] = useState<IncubatorSummary[]>([]);
  const [saving, setSaving] = useState(false);
  // The workbench's today (the backend checks the start date against it), until it answers the screen's.
  const [today, setToday] = useState(() => localIsoDate(new Date()));

  useEffect(() => {
    call('incubators.list', { query: '' })
      .then(setIncubators)
      .catch((e: unknown) => message.error(errorMessage(e)));
    call('projects.today', {})
      .then(({ today: t }) => {
        setToday(t);
        form.setFieldsValue({ name: `${t.slice(0, 4)} 年度认定培育`, startedOn: t });
      })
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [message, form]);

  const submit = async () => {
    let v: NewProject;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const created = await call('projects.create', { incubatorId: v.incubatorId!, name: v.name, startedOn: v.startedOn, notes: '' });
      message.success(`已新建「${created.incubatorName}」的培育项目`);
      onCreated(created.id);
    } catch (e) {
      if (e instanceof RpcFailure && e.error.field) form.setFields([{ name: e.error.field as keyof NewProject, errors: [e.error.message] }]);
      else message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="新建培育项目" okText="新建" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ name: `${today.slice(0, 4)} 年度认定培育`, startedOn: today }}>
        <Form.Item name="incubatorId" label="孵化器" htmlFor="project-incubator" rules={[{ required: true, message: '请选择孵化器' }]}>
          <Select
            id="project-incubator"
            showSearch
            optionFilterProp="label"
            placeholder="选择孵化器"
            options={incubators.map((i) => ({ value: i.id, label: i.name }))}
            notFoundContent="没有找到：请先在“孵化器”中登记"
          />
        </Form.Item>
        <Form.Item name="name" label="项目名称" htmlFor="project-name" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
          <Input id="project-name" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="startedOn"
          label="开始日期"
          htmlFor="project-start"
          getValueProps={(v: string) => ({ value: v ? dayjs(v) : null })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}
          rules={[{ required: true, message: '请选择开始日期' }]}
          extra="该孵化器在此日期之后（至下一个项目开始前）的诊断意见表、合同、培育方案和评价表都归入本项目。"
        >
          <DatePicker id="project-start" style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
