import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import type { FormListFieldData, FormRule, TableColumnType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgencyView } from '../../../shared/contract/agency-contract.js';
import type { AgencyProfile } from '../../../shared/domain/agency.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
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

/** The agency's own profile and the §4.2 staffing check. */
export function AgencyPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<AgencyProfile>();
  const [view, setView] = useState<AgencyView | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    call('agency.get', {})
      .then((v) => {
        setView(v);
        form.setFieldsValue(v.profile);
      })
      .catch((e: unknown) => message.error(errorMessage(e)));
  }, [form, message]);

  const save = async () => {
    let values: AgencyProfile;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await call('agency.save', { ...values, staff: form.getFieldValue('staff') ?? [] });
      setView(saved);
      form.setFieldsValue(saved.profile);
      message.success('已保存服务机构信息');
    } catch (e) {
      if (e instanceof RpcFailure && e.error.issues) {
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
        <Space align="start" size={16} wrap>
          <Form.Item name="name" label="服务机构名称" className={requiredClass(true)} rules={[{ required: true, whitespace: true, message: '请填写服务机构名称' }]} style={{ width: 380 }}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label="联系电话" style={{ width: 220 }}>
            <Input placeholder="如 0771-1234567" />
          </Form.Item>
        </Space>
        <Form.Item name="address" label="地址" style={{ maxWidth: 616 }}>
          <Input />
        </Form.Item>
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
