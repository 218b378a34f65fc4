// The contract's own card above its text (docs/contract-lifecycle.md): its status, the moves it may make now (each
// recorded with date, who and why; a refused move says why next to the field), its history, and its reminders.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { LifecycleView, ReminderView } from '../../../../shared/contract/contracts-contract.js';
import { CONTRACT_EVENT_LABELS, CONTRACT_STATUS_LABELS, type ContractEvent, type TransitionField } from '../../../../shared/contract-terms/index.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';
import { ContractReminderList } from './ContractReminderList.js';
import { ContractChangeRequests } from './ContractChangeRequests.js';

interface MoveForm {
  event?: ContractEvent;
  date?: dayjs.Dayjs;
  by?: string;
  reason?: string;
}

export function ContractLifecyclePanel({ id, onRenewed }: { id: string; onRenewed: (successorId: string) => void }) {
  const { message } = App.useApp();
  const [view, setView] = useState<LifecycleView | null>(null);
  const [form] = Form.useForm<MoveForm>();
  const [fieldError, setFieldError] = useState<{ field: TransitionField; message: string } | null>(null);
  const load = useCallback(() => {
    call('contracts.lifecycle', { id })
      .then(setView)
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [id, message]);
  useEffect(load, [load]);
  if (!view) return null;

  const record = async (v: MoveForm) => {
    setFieldError(null);
    try {
      const next = await call('contracts.transition', { id, event: v.event!, date: v.date ? v.date.format('YYYY-MM-DD') : '', by: v.by ?? '', reason: v.reason ?? '' });
      setView(next);
      form.resetFields(['event', 'reason']);
      message.success(`已记录：${CONTRACT_EVENT_LABELS[v.event!]}`);
      const successor = v.event === 'renew' ? next.history.at(-1)?.successorId : undefined;
      if (successor) onRenewed(successor);
    } catch (e) {
      const field = e instanceof RpcFailure ? (e.error.field as TransitionField | undefined) : undefined;
      setFieldError({ field: field ?? 'event', message: errorMessage(e) });
    }
  };
  const done = async (r: ReminderView) => {
    await call('contracts.markReminderDone', { key: r.key, contractId: id });
    load();
  };
  const status = (f: TransitionField) => (fieldError?.field === f ? { validateStatus: 'error' as const, help: <span role="alert">{fieldError.message}</span> } : {});

  return (
    <Card size="small" title="合同状态与提醒" style={{ marginBottom: 16 }} id="contract-lifecycle">
      <p>
        当前状态：<Tag color={view.status === 'effective' ? 'green' : view.status === 'draft' ? 'default' : 'blue'}>{CONTRACT_STATUS_LABELS[view.status]}</Tag>
      </p>
      {view.allowed.length > 0 ? (
        <Form form={form} layout="inline" onFinish={(v) => void record(v)} initialValues={{ date: dayjs() }} style={{ rowGap: 8, marginBottom: 12 }}>
          <Form.Item name="event" label="状态变更" rules={[{ required: true, message: '请选择' }]} {...status('event')}>
            <Select style={{ width: 140 }} placeholder="请选择" options={view.allowed.map((e) => ({ value: e, label: CONTRACT_EVENT_LABELS[e] }))} />
          </Form.Item>
          <Form.Item name="date" label="发生日期" {...status('date')}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="by" label="经办人" {...status('by')}>
            <Input style={{ width: 120 }} maxLength={50} />
          </Form.Item>
          <Form.Item name="reason" label="原因" {...status('reason')}>
            <Input style={{ width: 220 }} maxLength={2000} placeholder="中止、恢复履行、终止须填写" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            记录
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary">合同已{CONTRACT_STATUS_LABELS[view.status]}，状态不能再变更。</Typography.Paragraph>
      )}
      {view.history.length > 0 && (
        <ol aria-label="状态变更记录" style={{ paddingLeft: 20 }}>
          {view.history.map((h) => (
            <li key={h.id}>
              <Space wrap>
                <span>{formatChineseDate(h.date)}</span>
                <span>
                  {CONTRACT_EVENT_LABELS[h.event]}（{CONTRACT_STATUS_LABELS[h.from]} → {CONTRACT_STATUS_LABELS[h.to]}）
                </span>
                <span>经办人：{h.by}</span>
                {h.reason && <span>原因：{h.reason}</span>}
              </Space>
            </li>
          ))}
        </ol>
      )}
      {view.status !== 'draft' && <ContractChangeRequests contractId={id} view={view} onSaved={setView} />}
      <Typography.Text strong>提醒</Typography.Text>
      <ContractReminderList reminders={view.reminders} onDone={(r) => void done(r)} showOpen={false} />
    </Card>
  );
}
