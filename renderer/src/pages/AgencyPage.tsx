import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Table, Typography } from 'antd';
import type { FormListFieldData, FormRule, TableColumnType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgencyView } from '../../../shared/contract/agency-contract.js';
import { agencyProfileFields, checkAgencyProfile, type AgencyProfile } from '../../../shared/domain/agency.js';
import type { FieldIssue } from '../../../shared/validation/field-issue.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { FieldControl } from '../forms/FieldControl.js';
import { requiredClass } from '../forms/required-mark.js';

type StaffField = 'name' | 'title' | 'incubatorYears' | 'isServiceStaff' | 'phone';

/** One editable column of the staff table; each input is named by its row and column for screen readers. */
function staffColumn(
  title: string,
  field: StaffField,
  control: (accessibleName: string) => React.ReactNode,
  options: { width?: number; valuePropName?: string; rules?: FormRule[] } = {},
): TableColumnType<FormListFieldData> {
  return {
    title,
    ...(options.width ? { width: options.width } : {}),
    render: (_, f) => (
      <Form.Item name={[f.name, field]} rules={options.rules} valuePropName={options.valuePropName} style={{ margin: 0 }}>
        {control(`第 ${f.name + 1} 行 ${title}`)}
      </Form.Item>
    ),
  };
}

const WIDE = new Set(['name', 'domicile', 'address', 'bankName', 'bankAddress', 'contractNoPattern']);

/**
 * The agency's own profile (the contract's 乙方 is prefilled from it) on the same field engine as the incubator
 * header, and the §4.2 staffing check.
 */
export function AgencyPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<AgencyProfile>();
  const [view, setView] = useState<AgencyView | null>(null);
  const [saving, setSaving] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const state = Form.useWatch([], form) as Partial<AgencyProfile> | undefined;
  const live = useMemo(() => (state ? checkAgencyProfile({ ...form.getFieldsValue(true), staff: [] }).issues : []), [state, form]);
  const issueOf = (key: string) => {
    const own = [...live, ...serverIssues.filter((i) => !live.some((l) => l.field === i.field))].filter((i) => i.field === key);
    const error = own.find((i) => i.severity === 'error');
    return error && (showAll || touched.has(key)) ? error : own.find((i) => i.severity === 'warning');
  };

  useEffect(() => {
    call('agency.get', {})
      .then((v) => {
        setView(v);
        form.setFieldsValue(v.profile);
      })
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [form, message]);

  const save = async () => {
    setShowAll(true);
    let values: AgencyProfile;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const all = { ...form.getFieldsValue(true), staff: form.getFieldValue('staff') ?? [] } as AgencyProfile;
    if (checkAgencyProfile(all).issues.some((i) => i.severity === 'error' && !i.field.startsWith('staff.'))) {
      message.error('有未通过检查的内容，请按红色提示修改后再保存');
      return;
    }
    setSaving(true);
    try {
      const saved = await call('agency.save', { ...all, ...values, staff: all.staff });
      setView(saved);
      form.setFieldsValue(saved.profile);
      message.success('已保存服务机构信息');
    } catch (e) {
      if (e instanceof RpcFailure && e.error.issues) {
        setServerIssues(e.error.issues);
        form.setFields(
          e.error.issues.map((i) => ({
            name: i.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
            errors: [i.message],
          })),
        );
      }
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const q = view?.qualification;
  return (
    <Card>
      {q && (
        <Alert
          type={q.met ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={q.summary}
          description={`T/GXAS 453-2023 §4.2：服务机构应有不少于 3 名服务人员，其中至少 1 人从事孵化器运营工作 2 年以上。当前服务人员 ${q.serviceStaffCount} 人，其中 2 年以上经验 ${q.experiencedCount} 人。`}
        />
      )}
      <Form form={form} layout="vertical" requiredMark={false} style={{ maxWidth: 980 }} onFinish={() => void save()}>
        <Row gutter={16}>
          {agencyProfileFields.map((f) => {
            const issue = issueOf(f.key);
            return (
              <Col key={f.key} span={WIDE.has(f.key) ? 24 : 12}>
                <Form.Item
                  name={f.key}
                  label={f.label}
                  htmlFor={`agency-${f.key}`}
                  className={requiredClass('required' in f && f.required === true)}
                  validateStatus={issue ? (issue.severity === 'error' ? 'error' : 'warning') : undefined}
                  help={issue ? <span role="alert">{issue.message}</span> : undefined}
                  extra={'hint' in f ? f.hint : undefined}
                  style={{ marginBottom: 16 }}
                >
                  <FieldControl def={f} id={`agency-${f.key}`} onBlur={() => setTouched((t) => new Set(t).add(f.key))} />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
        <Typography.Title level={5}>服务人员</Typography.Title>
        <Form.List name="staff">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                locale={{ emptyText: '尚未添加服务人员' }}
                columns={[
                  staffColumn('姓名', 'name', (label) => <Input aria-label={label} />, {
                    rules: [{ required: true, whitespace: true, message: '请填写姓名，或删除这一行' }],
                  }),
                  staffColumn('职务', 'title', (label) => <Input aria-label={label} />),
                  staffColumn(
                    '从事孵化器运营工作年限',
                    'incubatorYears',
                    (label) => <InputNumber aria-label={label} min={0} max={80} step={0.5} addonAfter="年" style={{ width: '100%' }} />,
                    { width: 200 },
                  ),
                  staffColumn('服务人员', 'isServiceStaff', (label) => <Checkbox aria-label={label} />, {
                    width: 90,
                    valuePropName: 'checked',
                  }),
                  staffColumn('电话', 'phone', (label) => <Input aria-label={label} />),
                  {
                    title: '',
                    width: 48,
                    render: (_, f) => <Button type="text" danger aria-label="删除此人员" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />,
                  },
                ]}
              />
              <Button
                style={{ marginTop: 8 }}
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', title: '', isServiceStaff: true, incubatorYears: null, phone: '' })}
              >
                添加人员
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </div>
      </Form>
    </Card>
  );
}
