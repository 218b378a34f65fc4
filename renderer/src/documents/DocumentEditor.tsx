// One editor for every document kind: the definition's meta card and sections as a form (each row kind its own
// component, rows/), draft autosave, the live check and eligibility panel, and — once completed or signed — the
// document as a readable page. docs/documents.md §Editor.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Card, Col, ConfigProvider, Form, Input, Spin, Typography } from 'antd';
import type { DocumentView } from '../../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../../shared/domain/document-record.js';
import { checkDocument, errorsOf } from '../../../shared/forms/document-check.js';
import type { DocumentLists } from '../../../shared/forms/document-data.js';
import { buildDocumentModel } from '../../../shared/forms/document-model.js';
import type { DocumentDefinition } from '../../../shared/forms/document-definition.js';
import type { LayoutRow } from '../../../shared/forms/layout.js';
import { isFieldEnabled, isFieldRequired } from '../../../shared/forms/field-engine.js';
import { isNumberType, type FieldDefinition, type FieldValue } from '../../../shared/forms/field-definition.js';
import { formatGrouped, formatPercent, groupNumberText } from '../../../shared/forms/format-values.js';
import { type DocumentKind, definitionOf } from '../../../shared/forms/registry.js';
import { DEFAULT_RULE_SET_ID } from '../../../shared/eligibility/builtin-rule-sets.js';
import { documentFacts } from '../../../shared/eligibility/facts.js';
import { evaluateRuleSet, gapsForSummary } from '../../../shared/eligibility/evaluate.js';
import { isVerdictKey, verdictKey, verdictNoteKey, type Verdict } from '../../../shared/eligibility/verdicts.js';
import type { FieldIssue } from '../../../shared/validation/field-issue.js';
import { call, errorMessage, RpcFailure } from '../api/client.js';
import { FieldControl } from '../forms/FieldControl.js';
import { requiredClass } from '../forms/required-mark.js';
import { toFormValue, type FormText } from '../forms/form-values.js';
import { useRuleSetStore } from '../store/rule-set-store.js';
import { DocumentEditorContext, type EditorContext, fieldId, sectionId } from './editor-context.js';
import { capitalText } from '../../../shared/forms/print-cells.js';
import { goTo, IssueList, placeOf } from './IssueList.js';
import { LayoutRowView } from './rows/LayoutRowView.js';
import { EligibilityPanel } from './EligibilityPanel.js';
import { EligibilityDock } from './EligibilityDock.js';
import { ReadOnlyDocument } from './ReadOnlyDocument.js';
import { SideSignatureBlock } from './signing/SideSignatureBlock.js';
import { ItemProgressPanel } from './ItemProgressPanel.js';
import { HeaderCopyNotice } from './HeaderCopyNotice.js';
import { SignProposals } from './SignProposals.js';
import { useSyncStore } from '../sync/sync-store.js';
import { PrefillNotice } from './PrefillNotice.js';
import { BeforeAfterPanel } from './BeforeAfterPanel.js';
import { CompleteDialog } from './CompleteDialog.js';
import { DocumentToolbar } from './DocumentToolbar.js';
import { downloadExportedFile } from './download.js';
import { useDraftAutosave } from './use-draft-autosave.js';
import { KIND_PANELS } from './kind-panels.js';

type FormState = Record<string, FormText>;
type Values = Record<string, FieldValue>;

function toFormState(fields: readonly FieldDefinition[], values: Values): FormState {
  return Object.fromEntries(fields.map((f) => [f.key, toFormValue(f, values[f.key] ?? null)]));
}

/** Form text → stored values; numbers stay the text typed (the check parses them, nothing typed is lost). */
function rawValuesOf(fields: readonly FieldDefinition[], state: FormState): Values {
  const out: Values = {};
  for (const f of fields) {
    const t = state[f.key];
    if (f.type === 'yesno') out[f.key] = t === 'yes' ? true : t === 'no' ? false : null;
    else if (f.type === 'text' || f.type === 'longtext') out[f.key] = t ?? '';
    else out[f.key] = t === undefined || t === '' ? null : t;
  }
  return out;
}

/** A meta row of only the fields a revision's agreement fills (who agreed, when): the first revision has none. */
function isAgreementRow(def: DocumentDefinition, row: LayoutRow): boolean {
  const keys: readonly string[] = def.revisionAgreement?.fields ?? [];
  return row.kind === 'pair' && row.items.every((item) => item.source === 'values' && keys.includes(item.key));
}

const verdictsOf = (values: Values): Values => Object.fromEntries(Object.entries(values).filter(([k]) => isVerdictKey(k)));

interface Props {
  kind: DocumentKind;
  id: string;
  onClose(): void;
  /** Opens another document of the kind (a new revision). */
  onOpen(id: string): void;
}

export function DocumentEditor({ kind, id, onClose, onOpen }: Props) {
  const def = definitionOf(kind);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormState>();
  // What the form holds, kept here rather than watched: a watch set up after the values were loaded may miss them.
  const [formState, setFormState] = useState<FormState>({});
  const [view, setView] = useState<DocumentView | null>(null);
  const [lists, setLists] = useState<DocumentLists>({});
  const [verdicts, setVerdicts] = useState<Values>({});
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [completeChoice, setCompleteChoice] = useState(false);
  const ruleSets = useRuleSetStore((s) => s.ruleSets);
  const loadRuleSets = useRuleSetStore((s) => s.loadRuleSets);
  const autosave = useDraftAutosave(kind, id);
  const listsRef = useRef(lists);
  listsRef.current = lists;
  const verdictsRef = useRef(verdicts);
  verdictsRef.current = verdicts;

  useEffect(() => {
    if (ruleSets.length === 0 && def.eligibility) void loadRuleSets();
  }, [ruleSets.length, loadRuleSets, def.eligibility]);

  const show = useCallback(
    (v: DocumentView, restoreLocal: boolean) => {
      setView(v);
      const local = restoreLocal && v.record.status === 'draft' && !v.signed ? autosave.unsavedLocalDraft() : null;
      const values = local ? { ...v.record.values, ...local.values } : v.record.values;
      const itemLists = local ? { ...v.record.lists, ...local.lists } : v.record.lists;
      form.setFieldsValue(toFormState(def.fields, values));
      setFormState(toFormState(def.fields, values));
      setLists(itemLists);
      setVerdicts(verdictsOf(values));
      if (local) {
        message.info('已恢复上次未来得及保存的内容');
        autosave.change({ values: { ...rawValuesOf(def.fields, toFormState(def.fields, values)), ...verdictsOf(values) }, lists: itemLists }, true);
      } else if (v.record.status === 'completed') autosave.discardLocalDraft();
    },
    [autosave, def.fields, form, message],
  );
  const syncFormState = () => setFormState({ ...(form.getFieldsValue(true) as FormState) });

  // A signed document (read-only: no typing to keep) is read again after each sync: the server's confirmation ends
  // 「待服务器确认」, and a proposal from a signing race appears (docs/sync.md §Signing).
  const lastSyncAt = useSyncStore((s) => s.status?.lastSyncAt ?? null);
  const isSigned = Boolean(view?.signed);
  useEffect(() => {
    if (!isSigned || lastSyncAt === null) return;
    let cancelled = false;
    call('documents.get', { kind, id })
      .then((v) => !cancelled && setView(v))
      .catch(() => undefined); // the page keeps what it shows; the next sync tries again
    return () => {
      cancelled = true;
    };
  }, [isSigned, lastSyncAt, kind, id]);

  useEffect(() => {
    let cancelled = false;
    call('documents.get', { kind, id })
      .then((v) => !cancelled && show(v, true))
      .catch((e: unknown) => message.error(errorMessage(e)));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, id]);

  const record = view?.record;
  const signed = Boolean(view?.signed);
  const readOnly = signed || record?.status === 'completed';
  const header = useMemo(() => (view ? (view.record.snapshots.incubator?.values ?? { ...view.incubator }) : {}), [view]);
  const agency = useMemo(() => (view ? (view.record.snapshots.agency?.values ?? view.agency) : {}), [view]);
  // A read-only document is checked as stored (its form is not shown); a draft as typed.
  const raw = useMemo(
    () => (readOnly && record ? record.values : { ...rawValuesOf(def.fields, formState ?? {}), ...verdicts }),
    [readOnly, record, def.fields, formState, verdicts],
  );
  const check = useMemo(() => checkDocument(def, { values: raw, lists: readOnly && record ? record.lists : lists, header }), [def, raw, lists, header, readOnly, record]);
  const ruleSetId = def.eligibility ? raw[def.eligibility.ruleSetField] : null;
  const ruleSet = ruleSets.find((s) => s.id === ruleSetId) ?? ruleSets.find((s) => s.id === DEFAULT_RULE_SET_ID);
  const eligibility = useMemo(() => (def.eligibility && ruleSet ? evaluateRuleSet(ruleSet, documentFacts(def, check, header)) : null), [def, ruleSet, check, header]);
  // D: the same rules judged on the 培育前 column.
  const baselineEligibility = useMemo(
    () => (def.baselineEligibility && ruleSet ? evaluateRuleSet(ruleSet, documentFacts(def, check, header, def.baselineEligibility)) : null),
    [def, ruleSet, check, header],
  );
  const compareModel = useMemo(() => ({ def, check, header, eligibility, baselineEligibility }), [def, check, header, eligibility, baselineEligibility]);

  const queueSave = useCallback(
    (immediate = false) => {
      if (readOnly) return;
      const values = { ...rawValuesOf(def.fields, form.getFieldsValue(true) as FormState), ...verdictsRef.current };
      autosave.change({ values, lists: listsRef.current }, immediate);
    },
    [autosave, def.fields, form, readOnly],
  );

  const issueFor = (key: string): FieldIssue | undefined => {
    const f = def.fields.find((x) => x.key === key);
    if (f && !isFieldEnabled(f, raw, header)) return undefined;
    const value = formState?.[key];
    const filled = value !== undefined && value !== '';
    const candidates = [...check.issues, ...serverIssues.filter((s) => !check.issues.some((l) => l.field === s.field))].filter((i) => i.field === key);
    const shown = showAll || filled || touched.has(key) ? candidates : candidates.filter((i) => i.severity === 'warning');
    return shown.find((i) => i.severity === 'error') ?? shown[0];
  };

  const blur = (key: string) => {
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
    // A number typed as 「9020」 reads 「9,020」 once the field is left, as a number the app filled in does.
    const f = def.fields.find((x) => x.key === key);
    const typed: unknown = form.getFieldValue(key);
    if (f && isNumberType(f.type) && typeof typed === 'string' && groupNumberText(typed) !== typed) {
      form.setFieldValue(key, groupNumberText(typed));
      syncFormState();
    }
    queueSave(true);
  };

  const ctx: EditorContext | null = view
    ? {
        def,
        check,
        header,
        agency,
        readOnly,
        images: {},
        lists,
        setList: (listKey, items) => {
          const next = { ...listsRef.current, [listKey]: items };
          listsRef.current = next;
          setLists(next);
          queueSave();
        },
        itemIssue: (listKey, itemId, fieldKey) => {
          // Like a field: a warning or a typed value's error at once; an empty required one once completing was tried.
          const item = lists[listKey]?.find((x) => x.id === itemId);
          const value = item?.values[fieldKey];
          const filled = value !== undefined && value !== null && value !== '';
          const found = check.issues.filter((i) => i.field === `lists.${listKey}.${itemId}.${fieldKey}`);
          const shown = showAll || filled ? found : found.filter((i) => i.severity === 'warning');
          return shown.find((i) => i.severity === 'error') ?? shown[0];
        },
        listIssue: (listKey) => {
          const found = check.issues.filter((i) => i.field === `lists.${listKey}`);
          // A list the user has started says what is wrong as it is typed (instalments that miss the fee, by how
          // much); an empty one waits for 完成 like every other required part.
          const started = (lists[listKey]?.length ?? 0) > 0;
          const shown = showAll || started ? found : found.filter((i) => i.severity === 'warning');
          return shown.find((i) => i.severity === 'error') ?? shown[0];
        },
        saveNow: () => queueSave(true),
        issue: issueFor,
        blur,
        stored: record?.values ?? {},
        field: (f, span = 12, control, more) => {
          const issue = issueFor(f.key);
          const enabled = isFieldEnabled(f, raw, header);
          const choices = f.type === 'ruleSet' ? ruleSets.map((s) => ({ value: s.id, label: s.name })) : undefined;
          const helpId = `${fieldId(f.key)}-help`;
          // An amount is shown in figures and in 大写 from one number: the 大写 is the field's own description.
          const capital = capitalText(f, check.normalized[f.key], check.invalid.has(f.key));
          const helpText = issue?.message ?? (capital ? `大写：人民币${capital}` : undefined) ?? (f.hint && enabled ? f.hint : undefined);
          // ConfigProvider sits outside Form.Item: the Form.Item must wrap the control directly to bind its value.
          return (
            <Col span={span} key={f.key}>
              <ConfigProvider componentDisabled={readOnly || !enabled}>
                <Form.Item
                  name={f.key}
                  label={more?.label ?? f.label}
                  htmlFor={fieldId(f.key)}
                  className={requiredClass(isFieldRequired(f, raw, header))}
                  validateStatus={issue ? (issue.severity === 'error' ? 'error' : 'warning') : undefined}
                  help={helpText && (issue ? <span role="alert" id={helpId}>{helpText}</span> : <span id={helpId}>{helpText}</span>)}
                  extra={more?.extra}
                  style={{ marginBottom: 14 }}
                >
                  {control ?? (
                    <FieldControl
                      def={f}
                      id={fieldId(f.key)}
                      choices={choices}
                      describedBy={helpText ? helpId : undefined}
                      invalid={issue?.severity === 'error'}
                      onBlur={() => blur(f.key)}
                      onChange={f.type === 'ruleSet' || f.type === 'choice' ? () => queueSave(true) : undefined}
                    />
                  )}
                </Form.Item>
              </ConfigProvider>
            </Col>
          );
        },
        computed: (key, span = 12, label) => {
          const c = def.computed.find((x) => x.key === key);
          if (!c) return null;
          const v = check.computed[key] ?? null;
          const text = c.format === 'percent' ? formatPercent(v) : formatGrouped(v, c.decimals ?? 2);
          const why = check.computedState[key] === 'invalid' ? '自动计算；所依据的数据有误，暂不计算' : v === null ? '自动计算；分母为 0 或未填写时为空' : '自动计算';
          return (
            <Col span={span} key={key}>
              <Form.Item label={label ?? c.label} htmlFor={fieldId(key)} help={<span id={`${fieldId(key)}-help`}>{why}</span>} style={{ marginBottom: 14 }}>
                <Input id={fieldId(key)} value={text} readOnly variant="filled" aria-describedby={`${fieldId(key)}-help`} suffix={c.format === 'number' ? c.unit : undefined} />
              </Form.Item>
            </Col>
          );
        },
      }
    : null;

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

  const setRecord = (r: DocumentRecord | undefined) => {
    if (r && view) setView({ ...view, record: r });
  };

  const finishComplete = async (headerChoice?: 'latest' | 'copy') => {
    setCompleteChoice(false);
    const r = await flushThen(() => call('documents.complete', { kind, id, ...(headerChoice ? { header: headerChoice } : {}) }));
    if (r) {
      show(await call('documents.get', { kind, id }), false);
      message.success(`${def.shortName}：${def.statusWording.completed}`);
    }
  };

  const complete = () => {
    setShowAll(true);
    const errors = errorsOf(check);
    if (errors.length > 0) {
      message.error(`还有 ${errors.length} 处需要修改，请按红色提示修改后再完成`);
      // The first field in error gets the focus, so a keyboard user is where the fix is.
      goTo(placeOf(def, lists, errors[0]!));
      return;
    }
    if (view && view.changedSince.incubator.length + view.changedSince.agency.length > 0) setCompleteChoice(true);
    else void finishComplete();
  };

  const exportAs = async (format: 'docx' | 'xlsx') => {
    const errors = readOnly ? 0 : errorsOf(check).length;
    const go = async (allowErrors: boolean) => {
      const file = await flushThen(() => call('documents.export', { kind, id, format, allowErrors }));
      if (file) {
        downloadExportedFile(file);
        message.success(`已导出 ${file.fileName}`);
      }
    };
    if (errors === 0) return go(false);
    modal.confirm({
      title: '仍有数据未通过检查',
      content: `还有 ${errors} 处数据未通过检查。仍要导出吗？导出的文件每页都会标注「草稿」，不能作为正式文件。`,
      okText: '仍要导出（标注草稿）',
      cancelText: '返回修改',
      onOk: () => go(true),
    });
  };

  const insertGaps = () => {
    const target = def.eligibility?.gapsField;
    if (!eligibility || !target) return;
    const current = (form.getFieldValue(target) as string | undefined) ?? '';
    const gaps = gapsForSummary(eligibility);
    form.setFieldValue(target, current.trim() ? `${current.replace(/\s+$/, '')}\n${gaps}` : gaps);
    syncFormState();
    queueSave(true);
  };

  const recordVerdict = (ruleId: string, verdict: Verdict | null, note: string) => {
    const next = { ...verdictsRef.current, [verdictKey(ruleId)]: verdict, [verdictNoteKey(ruleId)]: note };
    verdictsRef.current = next;
    setVerdicts(next);
    queueSave(true);
  };

  if (!view || !ctx || !record) return <Spin style={{ display: 'block', margin: 48 }} />;

  const model = readOnly
    ? buildDocumentModel({
        def,
        values: record.values,
        lists: record.lists,
        header,
        agency,
        status: record.status,
        signed,
        revision: record.revision,
        revisionReason: record.revisionReason,
        ruleSet: ruleSet ?? null,
        // The sides' names and days print in the block; their images are shown by SideSignatureBlock.
        sides: Object.fromEntries((view?.sides ?? []).map((s) => [s.side, { method: s.method, signerName: s.signerName, signedOn: s.signedOn, signature: null, seal: null }])),
      })
    : null;
  const panel = eligibility ? (
    <EligibilityPanel result={model?.eligibility ?? eligibility} onInsertGaps={def.eligibility?.gapsField ? insertGaps : undefined} onVerdict={recordVerdict} disabled={readOnly} />
  ) : null;

  const KindPanel = KIND_PANELS[kind];
  return (
    <DocumentEditorContext.Provider value={ctx}>
      <DocumentToolbar
        view={view}
        busy={busy}
        saveState={autosave.state}
        onBack={() => {
          void autosave.flush();
          onClose();
        }}
        onExport={(f) => void exportAs(f)}
        onComplete={complete}
        onReopen={async () => {
          setRecord(await flushThen(() => call('documents.reopen', { kind, id })));
        }}
        flush={() => autosave.flush()}
        onSigned={setView}
        onRevised={(r) => onOpen(r.id)}
      />
      <HeaderCopyNotice
        view={view}
        busy={busy}
        onTakeOver={async () => {
          const r = await flushThen(() => call('documents.takeOverHeader', { kind, id }));
          if (r) {
            show(await call('documents.get', { kind, id }), false);
            message.success('已采用最新孵化器档案');
          }
        }}
      />
      {KindPanel && <KindPanel id={id} onRenewed={onOpen} />}
      <PrefillNotice
        view={view}
        busy={busy}
        onRefresh={async () => {
          const r = await flushThen(() => call('documents.refreshPrefill', { kind, id }));
          if (r) {
            show(await call('documents.get', { kind, id }), false);
            message.success(r.kept.length > 0 ? `已采用最新数据；您改过的 ${r.kept.length} 项保持不变：${r.kept.join('、')}` : `已采用最新数据（更新 ${r.updated.length} 项）`);
          }
        }}
      />
      {/* A read-only page prints the reason under its title, as the Word file does. */}
      {!readOnly && record.revisionOf && record.revisionReason && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`第 ${record.revision} 版，修订原因：${record.revisionReason}`} />
      )}
      {signed ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`此${def.shortName}已签署，只读。如需更正，请点击“修订（新版本）”。`} />
      ) : (
        readOnly && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`此${def.shortName}为「${def.statusWording.completed}」状态。如需修改，请点击“重新打开”。`} />
      )}
      <SignProposals view={view} onRevised={(r) => onOpen(r.id)} onChanged={setView} />
      {showAll && !readOnly && <IssueList def={def} lists={lists} errors={errorsOf(check)} />}
      <EligibilityDock result={eligibility} panel={panel}>
        {model ? (
          <>
            {signed && <ItemProgressPanel view={view} model={model} onSaved={(items) => setView((v) => (v ? { ...v, progress: { ...v.progress, items } } : v))} />}
            <ReadOnlyDocument model={model} partyExtra={signed ? (side) => <SideSignatureBlock view={view} side={side} onChanged={setView} /> : undefined} />
            {def.baselineEligibility && <BeforeAfterPanel model={model} />}
          </>
        ) : (
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onValuesChange={() => {
              syncFormState();
              setServerIssues([]);
              queueSave();
            }}
          >
            {def.metaRows.length > 0 && (
              <Card size="small" title={def.metaTitle} style={{ marginBottom: 16 }}>
                {def.metaRows.map((r, i) => (record.revisionOf || !isAgreementRow(def, r) ? <LayoutRowView key={i} row={r} /> : null))}
                {!record.revisionOf && def.metaRows.some((r) => isAgreementRow(def, r)) && (
                  <Form.Item label="变更协商" style={{ marginBottom: 8 }}>
                    <Typography.Text type="secondary">首版，无需变更协商</Typography.Text>
                  </Form.Item>
                )}
              </Card>
            )}
            {def.headerRows.length > 0 && (
              <Card size="small" title="基本信息（取自孵化器档案）" style={{ marginBottom: 16 }}>
                {def.headerRows.map((r, i) => (
                  <LayoutRowView key={i} row={r} />
                ))}
              </Card>
            )}
            {def.sections.map((section) => (
              <Card size="small" key={section.key} id={sectionId(section.key)} tabIndex={-1} title={section.title} style={{ marginBottom: 16 }}>
                {section.rows.map((r, i) =>
                  // The card's title already says a heading that repeats it (the plan's 「一、…」, 表D.1's group headings).
                  r.kind === 'heading' && r.text === section.title ? null : <LayoutRowView key={i} row={r} />,
                )}
              </Card>
            ))}
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 16 }}>{def.footnotes.join(' ')}</div>
            {def.baselineEligibility && <BeforeAfterPanel model={compareModel} />}
          </Form>
        )}
      </EligibilityDock>
      <CompleteDialog open={completeChoice} changed={[...view.changedSince.incubator, ...view.changedSince.agency]} onChoose={(c) => void finishComplete(c)} onCancel={() => setCompleteChoice(false)} />
    </DocumentEditorContext.Provider>
  );
}
