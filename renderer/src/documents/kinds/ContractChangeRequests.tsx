// 第六条 on the contract's card: record a change request (who asked, when, what) and later its answer; the
// answer-period reminder then shows with the card's other reminders (docs/contract-lifecycle.md).
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ChangeRequestView, LifecycleView } from '../../../../shared/contract/contracts-contract.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';

type EntryField = 'date' | 'content';
interface EntryForm {
  raisedBy?: 'partyA' | 'partyB';
  date?: dayjs.Dayjs;
  content?: string;
}

const PARTY_LABELS = { partyA: '甲方', partyB: '乙方（本机构）' } as const;

/** The server's refusal shown under the field it names. */
function useFieldError() {
  const [error, setError] = useState<{ field: EntryField; message: string } | null>(null);
  const statusOf = (f: EntryField) => (error?.field === f ? { validateStatus: 'error' as const, help: <span role="alert">{error.message}</span> } : {});
  const fail = (e: unknown) => setError({ field: e instanceof RpcFailure && e.error.field === 'date' ? 'date' : 'content', message: errorMessage(e) });
  return { statusOf, fail, clear: () => setError(null) };
}

function AnswerForm({ contractId, request, onSaved }: { contractId: string; request: ChangeRequestView; onSaved: (v: LifecycleView) => void }) {
  const [form] = Form.useForm<EntryForm>();
  const { statusOf, fail, clear } = useFieldError();
  const save = async (v: EntryForm) => {
    clear();
    try {
      onSaved(await call('contracts.answerChangeRequest', { id: contractId, requestId: request.id, date: v.date ? v.date.format('YYYY-MM-DD') : '', content: v.content ?? '' }));
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Form form={form} layout="inline" initialValues={{ date: dayjs() }} onFinish={(v) => void save(v)} style={{ rowGap: 8 }}>
      <Form.Item name="date" label="答复日期" {...statusOf('date')}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="content" label="答复内容" {...statusOf('content')}>
        <Input style={{ width: 220 }} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit">记录答复</Button>
    </Form>
  );
}

export function ContractChangeRequests({ contractId, view, onSaved }: { contractId: string; view: LifecycleView; onSaved: (v: LifecycleView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const { statusOf, fail, clear } = useFieldError();
  const record = async (v: EntryForm) => {
    clear();
    try {
      onSaved(await call('contracts.recordChangeRequest', { id: contractId, raisedBy: v.raisedBy ?? 'partyA', date: v.date ? v.date.format('YYYY-MM-DD') : '', content: v.content ?? '' }));
      form.resetFields(['content']);
      message.success('已记录变更请求');
    } catch (e) {
      fail(e);
    }
  };
  return (
    <section aria-label="变更请求（第六条）" style={{ marginBottom: 12 }}>
      <Typography.Text strong>变更请求（第六条）</Typography.Text>
      <Form form={form} layout="inline" initialValues={{ raisedBy: 'partyA', date: dayjs() }} onFinish={(v) => void record(v)} style={{ rowGap: 8, margin: '8px 0' }}>
        <Form.Item name="raisedBy" label="提出方">
          <Select style={{ width: 140 }} options={(['partyA', 'partyB'] as const).map((p) => ({ value: p, label: PARTY_LABELS[p] }))} />
        </Form.Item>
        <Form.Item name="date" label="收到日期" {...statusOf('date')}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="content" label="请求内容" {...statusOf('content')}>
          <Input style={{ width: 260 }} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit">记录变更请求</Button>
      </Form>
      {view.changeRequests.length > 0 && (
        <ol aria-label="变更请求记录" style={{ paddingLeft: 20 }}>
          {view.changeRequests.map((cr) => (
            <li key={cr.id} id={`change-request:${cr.id}`}>
              <Space wrap>
                <span>{formatChineseDate(cr.receivedDate)}</span>
                <span>{PARTY_LABELS[cr.raisedBy]}提出：{cr.content}</span>
                {cr.answeredDate && (
                  <span>
                    {formatChineseDate(cr.answeredDate)}答复：{cr.answer}
                  </span>
                )}
              </Space>
              {!cr.answeredDate && <AnswerForm contractId={contractId} request={cr} onSaved={onSaved} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
