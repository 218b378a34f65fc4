import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import type { ProjectRecordView, ProjectView } from '../../../../shared/contract/projects-contract.js';
import type { FieldValue } from '../../../../shared/forms/field-definition.js';
import { checkFields } from '../../../../shared/forms/field-engine.js';
import { RECORD_DEFINITIONS, type RecordKind } from '../../../../shared/process/record-kinds.js';
import type { FieldIssue } from '../../../../shared/validation/field-issue.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';
import { FieldControl } from '../../forms/FieldControl.js';
import { fromFormValue, toFormValue, type FormText } from '../../forms/form-values.js';
import { requiredClass } from '../../forms/required-mark.js';
import { ATTACHMENTS_KEY, attachmentsOf, attachmentsValue, type Attachment } from '../../../../shared/process/attachments.js';
import { RecordAttachments } from './RecordAttachments.js';

type FormState = Record<string, FormText>;

interface Props {
  projectId: string;
  kind: RecordKind;
  /** The record to edit; null: a new one. */
  record: ProjectRecordView | null;
  /** Values a new record starts with (today's date). */
  starting: Readonly<Record<string, FieldValue>>;
  onSaved(view: ProjectView): void;
  onClose(): void;
}

/**
 * One record of a project, its form built from the kind's field definitions (shared/process/record-kinds.ts) and
 * checked as typed by the same field engine the backend checks with; errors show under their field once it was
 * left (or on 保存), and nothing typed is lost when a save is refused.
 */
export function RecordDrawer({ projectId, kind, record, starting, onSaved, onClose }: Props) {
  const def = RECORD_DEFINITIONS[kind];
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormState>();
  // The id is made here, so saving a new record twice (a double click, a retry) never makes two.
  const [id] = useState(() => record?.id ?? crypto.randomUUID());
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [warnings, setWarnings] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const state = Form.useWatch([], form) as FormState | undefined;
  const [attachments, setAttachments] = useState<Attachment[]>(() => attachmentsOf(record?.values ?? {}));
  // Sent when the record has or had a list (an empty one clears it); a record that never had one does not carry it.
  const hadAttachments = record !== null && attachmentsOf(record.values).length > 0;

  // Read once: the drawer is remade (its key) for another record, and a save must not reset what is typed.
  const [initial] = useState<FormState>(() => {
    const values = record?.values ?? starting;
    return Object.fromEntries(def.fields.map((f) => [f.key, toFormValue(f, values[f.key])]));
  });

  const values = (text: FormState | undefined) => Object.fromEntries(def.fields.map((f) => [f.key, fromFormValue(f, text?.[f.key]).value]));
  const live = useMemo(() => checkFields(def.fields, values(state)).issues, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const issueOf = (key: string): FieldIssue | { severity: 'warning'; message: string } | undefined => {
    const own = [...live, ...serverIssues.filter((i) => !live.some((l) => l.field === i.field))].filter((i) => i.field === key);
    const error = own.find((i) => i.severity === 'error');
    if (error && (showAll || touched.has(key))) return error;
    const warned = warnings.find((w) => w.field === key);
    return own.find((i) => i.severity === 'warning') ?? (warned ? { severity: 'warning', message: warned.message } : undefined);
  };

  const withAttachments = (v: Record<string, FieldValue>) => (hadAttachments || attachments.length > 0 ? { ...v, [ATTACHMENTS_KEY]: attachmentsValue(attachments) } : v);

  const save = async () => {
    setShowAll(true);
    const firstError = live.find((i) => i.severity === 'error');
    if (firstError) {
      form.focusField(firstError.field);
      return;
    }
    setSaving(true);
    try {
      const saved = await call('projects.saveRecord', { projectId, id, kind, values: withAttachments(values(form.getFieldsValue(true))) });
      setServerIssues([]);
      setDirty(false);
      onSaved(saved.view);
      if (saved.warnings.length > 0) {
        setWarnings(saved.warnings);
        message.warning(`已保存，请核对：${saved.warnings.map((w) => w.message).join('；')}`);
      } else {
        message.success(`已保存${def.title}`);
        onClose();
      }
    } catch (e) {
      if (e instanceof RpcFailure && e.error.issues) {
        setServerIssues(e.error.issues);
        if (e.error.field) form.focusField(e.error.field);
      }
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    if (!dirty) return onClose();
    modal.confirm({ title: '放弃未保存的修改？', content: `「${def.title}」中有尚未保存的内容。`, okText: '放弃修改', cancelText: '继续编辑', onOk: onClose });
  };

  return (
    <Drawer
      open
      title={`${record ? '编辑' : '新增'}${def.title}（T/GXAS 453-2023 ${def.clause}）`}
      width="min(720px, 100vw)"
      onClose={close}
      keyboard
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存
          </Button>
          <Button onClick={close}>关闭</Button>
        </Space>
      }
    >
      {warnings.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="已保存。以下内容请核对：" description={warnings.map((w) => w.message).join('；')} />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initial} onValuesChange={() => setDirty(true)} onFinish={() => void save()}>
        {def.fields.map((f) => {
          const issue = issueOf(f.key);
          return (
            <Form.Item
              key={f.key}
              name={f.key}
              label={f.label}
              htmlFor={`record-${f.key}`}
              className={requiredClass(f.required === true)}
              validateStatus={issue ? (issue.severity === 'error' ? 'error' : 'warning') : undefined}
              help={issue ? <span role="alert">{issue.message}</span> : undefined}
            >
              <FieldControl def={f} id={`record-${f.key}`} onBlur={() => setTouched((t) => new Set(t).add(f.key))} />
            </Form.Item>
          );
        })}
      </Form>
      <RecordAttachments
        attachments={attachments}
        onChange={(next) => {
          setAttachments(next);
          setDirty(true);
        }}
      />
    </Drawer>
  );
}
