import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Checkbox, Col, Drawer, Form, Row, Space, Spin } from 'antd';
import {
  checkIncubator,
  emptyIncubatorValues,
  incubatorHeaderFields,
  type IncubatorValues,
} from '../../../shared/domain/incubator.js';
import type { IncubatorRecord } from '../../../shared/domain/incubator.js';
import type { FieldIssue } from '../../../shared/validation/field-issue.js';
import { isFieldRequired } from '../../../shared/forms/field-engine.js';
import type { RelatedRecord } from '../../../shared/rpc/result.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { setLeaveGuard } from '../navigation/router.js';
import { RelatedRecordLink } from '../components/RelatedRecordLink.js';
import { FieldControl } from '../forms/FieldControl.js';
import { requiredClass } from '../forms/required-mark.js';
import { SyncConflictBadge } from '../sync/SyncConflictBadge.js';
import { ProfileButton } from '../components/ProfileButton.js';
import { fromFormValue, toFormValue, type FormText } from '../forms/form-values.js';

type FormState = Record<string, FormText>;

const WIDE_FIELDS = new Set(['name', 'operator', 'creditCode', 'registeredAddress', 'industry']);

/** Warnings a user may confirm and keep, and what the confirmation says. */
const CONFIRM_LABELS: Record<string, string> = {
  creditCode: '已核实，保留此代码',
  name: '已核实，是另一家孵化器',
};

function toFormState(values: IncubatorValues): FormState {
  return Object.fromEntries(
    incubatorHeaderFields.map((def) => [def.key, toFormValue(def, values[def.key])]),
  );
}

/** Form text → values, plus an error for every number field whose text is not a number. */
function fromFormState(state: FormState): { values: IncubatorValues; typeIssues: FieldIssue[] } {
  const values = emptyIncubatorValues() as Record<string, unknown>;
  const typeIssues: FieldIssue[] = [];
  for (const def of incubatorHeaderFields) {
    const { value, invalid } = fromFormValue(def, state[def.key]);
    if (invalid) typeIssues.push({ field: def.key, message: '请填写数字，例如 1,234.5', severity: 'error' });
    values[def.key] = value ?? (def.type === 'text' || def.type === 'mobile' || def.type === 'uscc' ? '' : null);
  }
  return { values: values as IncubatorValues, typeIssues };
}

/**
 * The message under a field, announced to screen readers (role="alert") as soon as it appears; with a link to
 * the record it is about when there is one (the incubator that already has this code or name).
 */
function fieldHelp(shown: FieldIssue[], related: RelatedRecord | null): React.ReactNode {
  if (shown.length === 0) return undefined;
  return (
    <span role="alert">
      {shown.map((w) => w.message).join('；')}
      {related && (
        <>
          {' '}
          <RelatedRecordLink record={related} />
        </>
      )}
    </span>
  );
}

interface Props {
  /** An incubator id, or 'new'. */
  target: string;
  onClose(): void;
  onSaved(record: IncubatorRecord): void;
}

export function IncubatorEditor({ target, onClose, onSaved }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormState>();
  const [loading, setLoading] = useState(target !== 'new');
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [related, setRelated] = useState<{ field: string; record: RelatedRecord } | null>(null);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);
  const state = Form.useWatch([], form) as FormState | undefined;

  useEffect(() => {
    if (target === 'new') {
      form.setFieldsValue(toFormState(emptyIncubatorValues()));
      return;
    }
    call('incubators.get', { id: target })
      .then((record) => {
        form.setFieldsValue(toFormState(record));
        setSavedName(record.name);
        // What was kept when the record was saved stays kept until the field changes.
        setConfirmed(record.creditCode ? ['creditCode', 'name'] : ['name']);
      })
      .catch((e: unknown) => message.error(errorMessage(e)))
      .finally(() => setLoading(false));
  }, [target, form, message]);

  // Live check with the same rules the backend applies.
  const liveIssues = useMemo(() => {
    if (!state) return [];
    const { values, typeIssues } = fromFormState(state);
    const typed = new Set(typeIssues.map((i) => i.field));
    return [...typeIssues, ...checkIncubator(values).issues.filter((i) => !typed.has(i.field))];
  }, [state]);

  /**
   * What to show under a field: its error (once touched or after a save attempt), else all its warnings. The
   * backend's findings (a code already in the register) count until the user changes something.
   */
  const issuesOf = (field: string) => [...liveIssues, ...serverIssues].filter((i) => i.field === field);
  const visibleIssues = (field: string): FieldIssue[] => {
    const own = issuesOf(field);
    const error = own.find((i) => i.severity === 'error');
    if (error && (showAll || touched.has(field) || serverIssues.includes(error))) return [error];
    return own.filter((i) => i.severity === 'warning');
  };

  const warningsOf = (field: string) => issuesOf(field).filter((i) => i.severity === 'warning');

  // The back button or a link with unsaved edits asks first, as the close button does.
  const askToDiscard = () =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '放弃未保存的修改？',
        content: '关闭后，本次填写但未保存的内容将丢失。',
        okText: '放弃修改',
        okButtonProps: { danger: true },
        cancelText: '继续编辑',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  const askRef = useRef(askToDiscard);
  askRef.current = askToDiscard;
  useEffect(() => (dirty ? setLeaveGuard(() => askRef.current()) : undefined), [dirty]);

  const focusField = (field: string) => form.focusField(field);
  /** A field of this form has the focus (every input's id is `incubator-<key>`). */
  const isTypingInForm = () => document.activeElement?.id.startsWith('incubator-') === true;

  const save = async () => {
    setShowAll(true);
    const { values, typeIssues } = fromFormState(form.getFieldsValue(true));
    const problems = [...typeIssues, ...checkIncubator(values).issues];
    const firstError = incubatorHeaderFields.find((def) => problems.some((i) => i.field === def.key && i.severity === 'error'));
    if (firstError) {
      message.error('有未通过检查的内容，请按红色提示修改后再保存');
      focusField(firstError.key);
      return;
    }
    setSaving(true);
    try {
      const saved = await call('incubators.save', {
        ...(target !== 'new' ? { id: target } : {}),
        values,
        confirmedWarnings: confirmed,
      });
      message.success(`已保存「${saved.name}」`);
      setDirty(false);
      onSaved(saved);
    } catch (e) {
      // The form keeps everything typed; the problems appear next to their fields.
      if (e instanceof RpcFailure && e.error.issues) {
        setServerIssues(e.error.issues);
        setRelated(e.error.related && e.error.field ? { field: e.error.field, record: e.error.related } : null);
        if (e.error.field) focusField(e.error.field);
      }
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };


  // The close button, 取消 and Escape (the drawer's keyboard close) all come here.
  const close = () => {
    if (!dirty) return onClose();
    void askToDiscard().then((discard) => discard && onClose());
  };

  return (
    <Drawer
      open
      size="min(760px, 100vw)"
      // The first field takes the focus once the drawer has opened — unless the user is already typing in the
      // form (the opening animation can take a while on a busy machine, and focus must never jump mid-entry).
      afterOpenChange={(open) => open && target === 'new' && !isTypingInForm() && focusField('name')}
      title={
        target === 'new' ? (
          '新建孵化器'
        ) : (
          <Space>
            编辑孵化器
            <SyncConflictBadge entity="incubators" rowId={target} />
          </Space>
        )
      }
      onClose={close}
      // The incubator's profile, from its record (a new one has none yet).
      extra={target !== 'new' && <ProfileButton incubatorId={target} incubatorName={savedName ?? undefined} />}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      <Spin spinning={loading}>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onValuesChange={(changed) => {
            setDirty(true);
            setServerIssues([]);
            setRelated(null);
            const edited = Object.keys(changed);
            setConfirmed((c) => c.filter((f) => !edited.includes(f)));
          }}
        >
          <Row gutter={16}>
            {incubatorHeaderFields.map((def) => {
              const shown = visibleIssues(def.key);
              const isError = shown[0]?.severity === 'error';
              const warnings = warningsOf(def.key);
              // Required, or required by a rule of the field list (专业型 → 所属产业领域): the field engine says which.
              const required = isFieldRequired(def, fromFormState(state ?? {}).values, {});
              return (
                <Col span={WIDE_FIELDS.has(def.key) ? 24 : 12} key={def.key}>
                  <Form.Item
                    name={def.key}
                    label={def.label}
                    htmlFor={`incubator-${def.key}`}
                    className={requiredClass(required)}
                    validateStatus={shown.length === 0 ? undefined : isError ? 'error' : 'warning'}
                    help={fieldHelp(shown, related?.field === def.key ? related.record : null)}
                    style={{ marginBottom: 16 }}
                  >
                    <FieldControl
                      def={def}
                      id={`incubator-${def.key}`}
                      // Form.Item marks only its own rules' errors as invalid; these checks are ours.
                      aria-invalid={isError ? 'true' : undefined}
                      onBlur={() => setTouched((t) => new Set(t).add(def.key))}
                    />
                  </Form.Item>
                  {warnings.length > 0 && !isError && CONFIRM_LABELS[def.key] && (
                    <Checkbox
                      style={{ marginTop: -8, marginBottom: 12 }}
                      checked={confirmed.includes(def.key)}
                      onChange={(e) =>
                        setConfirmed((c) => (e.target.checked ? [...c, def.key] : c.filter((f) => f !== def.key)))
                      }
                    >
                      {CONFIRM_LABELS[def.key]}
                    </Checkbox>
                  )}
                </Col>
              );
            })}
          </Row>
        </Form>
      </Spin>
    </Drawer>
  );
}
