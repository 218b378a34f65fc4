import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SyncConflictBadge } from '../../sync/SyncConflictBadge.js';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  ConfigProvider,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { DiagnosisView } from '../../../../shared/contract/diagnosis-contract.js';
import { checkDiagnosis, DIAGNOSIS_STATUS_LABELS, headerValuesOf } from '../../../../shared/domain/diagnosis.js';
import { diagnosisDefinition, diagnosisFields } from '../../../../shared/forms/appendix-a/diagnosis-definition.js';
import { findComputed, findField, type LayoutRow, type ValueRef } from '../../../../shared/forms/document-definition.js';
import { isFieldEnabled, isFieldRequired } from '../../../../shared/forms/document-values.js';
import type { DocumentFieldDefinition, FieldValue } from '../../../../shared/forms/field-definition.js';
import { formatGrouped, formatPercent, formatStoredValue } from '../../../../shared/forms/format-values.js';
import { DEFAULT_RULE_SET_ID } from '../../../../shared/eligibility/builtin-rule-sets.js';
import { evaluateRuleSet, gapsForSummary } from '../../../../shared/eligibility/evaluate.js';
import type { FieldIssue } from '../../../../shared/validation/field-issue.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';
import { FieldControl } from '../../forms/FieldControl.js';
import { toFormValue, type FormText } from '../../forms/form-values.js';
import { useDiagnosisStore } from '../../store/diagnosis-store.js';
import { EligibilityPanel } from './EligibilityPanel.js';
import { SignatureControls } from './SignatureControls.js';
import { downloadExportedFile } from './download.js';
import { type DraftPayload, type SaveState, useDraftAutosave } from './use-draft-autosave.js';

type FormState = Record<string, FormText>;

function toFormState(values: Record<string, FieldValue>): FormState {
  return Object.fromEntries(diagnosisFields.map((f) => [f.key, toFormValue(f, values[f.key] ?? null)]));
}

/** Form text → stored values; numbers stay the text typed (the backend and the check parse them). */
function rawValuesOf(state: FormState): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of diagnosisFields) {
    const t = state[f.key];
    if (f.type === 'yesno') out[f.key] = t === 'yes' ? true : t === 'no' ? false : null;
    else if (f.type === 'text' || f.type === 'longtext') out[f.key] = t ?? '';
    else out[f.key] = t === undefined || t === '' ? null : t;
  }
  return out;
}

function saveStateText(s: SaveState): { text: string; type?: 'danger' | 'secondary' } {
  switch (s.kind) {
    case 'saving':
      return { text: '正在保存…', type: 'secondary' };
    case 'saved':
      return { text: `已自动保存 ${dayjs(s.at).format('HH:mm:ss')}`, type: 'secondary' };
    case 'error':
      return { text: `未能保存：${s.message}（内容已保留在本机，稍后自动重试）`, type: 'danger' };
    default:
      return { text: '' };
  }
}

const fieldId = (key: string) => `diag-${key}`;

interface Props {
  id: string;
  onClose(): void;
}

export function DiagnosisEditor({ id, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormState>();
  const formState = Form.useWatch([], form) as FormState | undefined;
  const [view, setView] = useState<DiagnosisView | null>(null);
  const [meta, setMeta] = useState<Omit<DraftPayload, 'values'>>({ diagnosedOn: null, consultants: '', ruleSetId: DEFAULT_RULE_SET_ID });
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const ruleSets = useDiagnosisStore((s) => s.ruleSets);
  const loadRuleSets = useDiagnosisStore((s) => s.loadRuleSets);
  const openDiagnosis = useDiagnosisStore((s) => s.open);
  const autosave = useDraftAutosave(id);
  const metaRef = useRef(meta);
  metaRef.current = meta;

  useEffect(() => {
    if (ruleSets.length === 0) void loadRuleSets();
  }, [ruleSets.length, loadRuleSets]);

  useEffect(() => {
    let cancelled = false;
    call('diagnoses.get', { id })
      .then((v) => {
        if (cancelled) return;
        setView(v);
        const local = v.record.status === 'draft' ? autosave.unsavedLocalDraft() : null;
        const values = local ? { ...v.record.values, ...local.values } : v.record.values;
        const m = local
          ? { diagnosedOn: local.diagnosedOn, consultants: local.consultants, ruleSetId: local.ruleSetId }
          : { diagnosedOn: v.record.diagnosedOn, consultants: v.record.consultants, ruleSetId: v.record.ruleSetId };
        form.setFieldsValue(toFormState(values));
        setMeta(m);
        if (local) {
          message.info('已恢复上次未来得及保存的内容');
          autosave.change({ values: rawValuesOf(toFormState(values)), ...m }, true);
        } else if (v.record.status === 'completed') autosave.discardLocalDraft();
      })
      .catch((e: unknown) => message.error(errorMessage(e)));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const completed = view?.record.status === 'completed';
  const signed = Boolean(view?.signed);
  const header = useMemo(() => headerValuesOf(view?.incubator), [view]);
  const raw = useMemo(() => rawValuesOf(formState ?? {}), [formState]);
  const check = useMemo(() => checkDiagnosis(raw, header), [raw, header]);
  const ruleSet = ruleSets.find((s) => s.id === meta.ruleSetId) ?? ruleSets.find((s) => s.id === DEFAULT_RULE_SET_ID);
  const eligibility = useMemo(
    () => (ruleSet ? evaluateRuleSet(ruleSet, { check, header, asOf: meta.diagnosedOn }) : null),
    [ruleSet, check, header, meta.diagnosedOn],
  );

  const queueSave = useCallback(
    (immediate = false, overrideMeta?: Partial<DraftPayload>) => {
      if (completed) return;
      const next = { ...metaRef.current, ...overrideMeta };
      autosave.change({ values: rawValuesOf(form.getFieldsValue(true) as FormState), ...next }, immediate);
    },
    [autosave, completed, form],
  );

  const setMetaAndSave = (patch: Partial<DraftPayload>) => {
    setMeta((m) => ({ ...m, ...patch }));
    queueSave(false, patch);
  };

  const issueFor = (key: string): FieldIssue | undefined => {
    const f = findField(diagnosisDefinition, key);
    const value = formState?.[key];
    const filled = value !== undefined && value !== '';
    const candidates = [...check.issues, ...serverIssues.filter((s) => !check.issues.some((l) => l.field === s.field))].filter((i) => i.field === key);
    const shown = showAll || filled || touched.has(key) ? candidates : candidates.filter((i) => i.severity === 'warning');
    if (f && !isFieldEnabled(f, raw, header)) return undefined;
    return shown.find((i) => i.severity === 'error') ?? shown[0];
  };

  const blur = (key: string) => {
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
    queueSave(true);
  };

  const valueItem = (f: DocumentFieldDefinition, span = 12, control?: React.ReactNode) => {
    const issue = issueFor(f.key);
    const enabled = isFieldEnabled(f, raw, header);
    // ConfigProvider sits outside Form.Item: the Form.Item must wrap the control directly to bind its value.
    return (
      <Col span={span} key={f.key}>
        <ConfigProvider componentDisabled={completed || !enabled}>
          <Form.Item
            name={f.key}
            label={f.label}
            htmlFor={fieldId(f.key)}
            required={isFieldRequired(f, raw, header)}
            validateStatus={issue ? (issue.severity === 'error' ? 'error' : 'warning') : undefined}
            help={issue?.message ?? (f.hint && enabled ? f.hint : undefined)}
            style={{ marginBottom: 14 }}
          >
            {control ?? <FieldControl def={f} id={fieldId(f.key)} onBlur={() => blur(f.key)} />}
          </Form.Item>
        </ConfigProvider>
      </Col>
    );
  };

  const computedItem = (key: string, span = 12) => {
    const c = findComputed(diagnosisDefinition, key);
    if (!c) return null;
    const v = check.computed[key] ?? null;
    const text = c.format === 'percent' ? formatPercent(v) : formatGrouped(v, c.decimals ?? 2);
    return (
      <Col span={span} key={key}>
        <Form.Item label={c.label} htmlFor={fieldId(key)} help={v === null ? '自动计算；分母为 0 或未填写时为空' : '自动计算'} style={{ marginBottom: 14 }}>
          <Input id={fieldId(key)} value={text} readOnly variant="filled" suffix={c.format === 'number' ? c.unit : undefined} />
        </Form.Item>
      </Col>
    );
  };

  const refItem = (r: ValueRef, span = 12) => {
    if (r.source === 'computed') return computedItem(r.key, span);
    const f = findField(diagnosisDefinition, r.key);
    return f ? valueItem(f, span) : null;
  };

  const renderRow = (row: LayoutRow, i: number) => {
    switch (row.kind) {
      case 'pair':
        return <Row gutter={16} key={i}>{row.items.map((r) => refItem(r, row.items.length === 1 ? 24 : 12))}</Row>;
      case 'of-which':
        return (
          <fieldset key={i} style={{ border: '1px dashed #d9d9d9', borderRadius: 6, padding: '8px 12px 0', marginBottom: 14 }}>
            <legend style={{ fontSize: 13, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>{row.caption}</legend>
            <Row gutter={16}>{row.items.map((r) => refItem(r, 12))}</Row>
          </fieldset>
        );
      case 'text': {
        const f = findField(diagnosisDefinition, row.key);
        return f ? <Row key={i}>{valueItem(f, 24)}</Row> : null;
      }
      case 'choice-of-two': {
        const choice = findField(diagnosisDefinition, row.choiceKey)!;
        return (
          <div key={i}>
            <Row>
              {valueItem(
                choice,
                24,
                <Radio.Group
                  id={fieldId(choice.key)}
                  aria-label={choice.label}
                  onChange={() => queueSave(true)}
                  options={(choice.options ?? []).map((o) => ({ value: o, label: o }))}
                />,
              )}
            </Row>
            <Row gutter={16}>
              {row.options.flatMap((o) => [refItem({ source: 'values', key: o.field }), refItem({ source: 'computed', key: o.computed })])}
            </Row>
          </div>
        );
      }
      case 'sentence':
        return (
          <div key={i}>
            <Typography.Text type="secondary">{row.label}</Typography.Text>
            <Row gutter={16} style={{ marginTop: 6 }}>
              {refItem({ source: 'values', key: row.field })}
              {refItem({ source: 'computed', key: row.computed })}
            </Row>
          </div>
        );
      case 'yesno-detail': {
        const yes = findField(diagnosisDefinition, row.key)!;
        const detail = findField(diagnosisDefinition, row.detailKey)!;
        return (
          <Row gutter={16} key={i}>
            {valueItem(
              yes,
              10,
              <FieldControl def={yes} id={fieldId(yes.key)} onChange={() => queueSave(true)} />,
            )}
            {valueItem(detail, 14)}
          </Row>
        );
      }
    }
  };

  const flushThen = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      await autosave.flush();
      return await fn();
    } catch (e) {
      if (e instanceof RpcFailure && e.error.issues) setServerIssues(e.error.issues);
      message.error(errorMessage(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const complete = async () => {
    setShowAll(true);
    const errors = check.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      message.error(`还有 ${errors.length} 处需要修改，请按红色提示修改后再完成`);
      return;
    }
    const record = await flushThen(() => call('diagnoses.complete', { id }));
    if (record && view) {
      setView({ ...view, record });
      message.success('诊断意见表已完成');
    }
  };

  const reopen = async () => {
    const record = await flushThen(() => call('diagnoses.reopen', { id }));
    if (record && view) setView({ ...view, record });
  };

  const exportAs = async (format: 'docx' | 'xlsx') => {
    const file = await flushThen(() => call('diagnoses.export', { id, format }));
    if (file) {
      downloadExportedFile(file);
      message.success(`已导出 ${file.fileName}`);
    }
  };

  const insertGaps = () => {
    if (!eligibility) return;
    const current = (form.getFieldValue('summary') as string | undefined) ?? '';
    form.setFieldValue('summary', current.trim() ? `${current.replace(/\s+$/, '')}\n${gapsForSummary(eligibility)}` : gapsForSummary(eligibility));
    queueSave(true);
  };

  if (!view) return <Spin style={{ display: 'block', margin: 48 }} />;
  const saveText = saveStateText(autosave.state);
  const headerFields = diagnosisDefinition.headerFields;

  return (
    <div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space wrap>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => {
                void autosave.flush();
                onClose();
              }}
            >
              返回列表
            </Button>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {diagnosisDefinition.tableNumber} {diagnosisDefinition.title}
            </Typography.Title>
            <Tag color={completed ? 'green' : 'gold'}>{DIAGNOSIS_STATUS_LABELS[view.record.status]}</Tag>
            {view.record.revision > 1 && <Tag>第 {view.record.revision} 版</Tag>}
            <SyncConflictBadge entity="diagnoses" rowId={view.record.id} />
            <Typography.Text type={saveText.type} role="status" aria-live="polite">
              {saveText.text}
            </Typography.Text>
          </Space>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('docx')} loading={busy}>
              导出 Word
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} loading={busy}>
              导出 Excel
            </Button>
            <SignatureControls
              view={view}
              flush={() => autosave.flush()}
              onSigned={setView}
              onRevised={(record) => openDiagnosis(record.id)}
            />
            {signed ? null : completed ? (
              <Button onClick={() => void reopen()} loading={busy}>
                重新打开
              </Button>
            ) : (
              <Button type="primary" onClick={() => void complete()} loading={busy}>
                完成
              </Button>
            )}
          </Space>
        </Space>
      </Card>
      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <Card size="small" title="基本信息（取自孵化器档案）" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} bordered>
              {headerFields.map((f) => (
                <Descriptions.Item key={f.key} label={f.label} span={f.key === 'name' || f.key === 'registeredAddress' ? 2 : 1}>
                  {formatStoredValue(f, header[f.key] ?? null)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          {view.record.revisionOf && view.record.revisionReason && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`第 ${view.record.revision} 版，修订原因：${view.record.revisionReason}`} />
          )}
          {signed ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="此诊断意见表已签署，在所有设备上只读。如需更正，请点击“修订（新版本）”。" />
          ) : (
            completed && <Alert type="success" showIcon style={{ marginBottom: 16 }} title="此诊断意见表已完成。如需修改，请点击“重新打开”。" />
          )}
          <Form
            form={form}
            layout="vertical"
            disabled={completed}
            onValuesChange={() => {
              setServerIssues([]);
              queueSave();
            }}
          >
            <Card size="small" title="诊断信息" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col span={8}>
                  <Form.Item label="诊断日期" htmlFor="diag-meta-date" required>
                    <DatePicker
                      id="diag-meta-date"
                      style={{ width: '100%' }}
                      value={meta.diagnosedOn ? dayjs(meta.diagnosedOn) : null}
                      format="YYYY-MM-DD"
                      onChange={(d) => setMetaAndSave({ diagnosedOn: d ? d.format('YYYY-MM-DD') : null })}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="诊断人员" htmlFor="diag-meta-consultants">
                    <Input
                      id="diag-meta-consultants"
                      value={meta.consultants}
                      maxLength={200}
                      onChange={(e) => setMetaAndSave({ consultants: e.target.value })}
                      onBlur={() => queueSave(true)}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="认定规则集" htmlFor="diag-meta-ruleset">
                    <Select
                      id="diag-meta-ruleset"
                      value={meta.ruleSetId}
                      onChange={(v: string) => setMetaAndSave({ ruleSetId: v })}
                      options={ruleSets.map((s) => ({ value: s.id, label: s.name }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            {diagnosisDefinition.sections.map((section) => (
              <Card size="small" key={section.key} title={section.title} style={{ marginBottom: 16 }}>
                {section.rows.map(renderRow)}
              </Card>
            ))}
          </Form>
          <Typography.Text type="secondary">{diagnosisDefinition.footnotes.join(' ')}</Typography.Text>
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            {eligibility && <EligibilityPanel result={eligibility} onInsertGaps={insertGaps} disabled={completed} />}
          </div>
        </Col>
      </Row>
    </div>
  );
}
