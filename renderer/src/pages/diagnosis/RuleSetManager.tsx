import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Drawer, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { COMPARISON_LABELS, COMPARISONS, APPLIES_TO, STRENGTHS, type Rule, type RuleSet } from '../../../../shared/eligibility/rule-set-schema.js';
import { QUANTITY_CATALOG as QUANTITIES, QUANTITY_KEYS, type QuantityKey } from '../../../../shared/eligibility/quantity-catalog.js';
import { call, errorMessage, RpcFailure } from '../../api/client.js';
import { downloadBlob } from '../../documents/download.js';
import { RuleSetCorrections } from './RuleSetCorrections.js';
import { ThresholdInput } from '../../components/ThresholdInput.js';

interface Props {
  onClose(): void;
}

/** 认定规则集: view the built-in sets, copy one, edit thresholds, add rules, load or save a rule file. */
export function RuleSetManager({ onClose }: Props) {
  const { message } = App.useApp();
  const [sets, setSets] = useState<RuleSet[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<RuleSet | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  /** Rules whose typed threshold is refused (「-5」, 「abc」): saving waits until they are fixed. */
  const [badThresholds, setBadThresholds] = useState<ReadonlySet<string>>(new Set());
  const markThreshold = (ruleId: string, valid: boolean) =>
    setBadThresholds((bad) => {
      if (valid === !bad.has(ruleId)) return bad;
      const next = new Set(bad);
      if (valid) next.delete(ruleId);
      else next.add(ruleId);
      return next;
    });
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = async (select?: string) => {
    try {
      const list = await call('ruleSets.list', {});
      setSets(list);
      const id = select ?? selectedId ?? list[0]?.id ?? null;
      setSelectedId(id);
      setDraft(structuredClone(list.find((s) => s.id === id) ?? null));
      setBadThresholds(new Set());
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const fail = (e: unknown) => {
    setProblems(e instanceof RpcFailure && e.error.issues ? e.error.issues.map((i) => i.message) : [errorMessage(e)]);
    message.error(errorMessage(e));
  };

  const editable = draft !== null && !draft.builtin;
  const updateRule = (index: number, patch: Partial<Rule>) =>
    setDraft((d) => (d ? { ...d, rules: d.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) } : d));
  const updateCondition = (index: number, patch: Partial<Rule['anyOf'][number]>) =>
    setDraft((d) =>
      d
        ? {
            ...d,
            rules: d.rules.map((r, i) =>
              i === index ? { ...r, anyOf: [{ ...(r.anyOf[0] ?? { quantity: 'totalArea', op: '>=' }), ...patch }, ...r.anyOf.slice(1)] } : r,
            ),
          }
        : d,
    );

  const copy = async () => {
    if (!draft) return;
    try {
      const created = await call('ruleSets.copy', { id: draft.id });
      message.success(`已复制为「${created.name}」，可以修改阈值和添加规则`);
      setProblems([]);
      await reload(created.id);
    } catch (e) {
      fail(e);
    }
  };

  const save = async () => {
    if (!draft) return;
    if (badThresholds.size > 0) {
      message.error('有阈值未通过检查，请按红色提示修改后再保存');
      return;
    }
    try {
      const saved = await call('ruleSets.save', { ruleSet: draft });
      message.success(`已保存「${saved.name}」`);
      setProblems([]);
      await reload(saved.id);
    } catch (e) {
      fail(e);
    }
  };

  const remove = async () => {
    if (!draft) return;
    try {
      await call('ruleSets.delete', { id: draft.id });
      message.success(`已删除「${draft.name}」`);
      setSelectedId(null);
      await reload(sets[0]?.id);
    } catch (e) {
      fail(e);
    }
  };

  const importFile = async (file: File) => {
    try {
      const created = await call('ruleSets.import', { text: await file.text() });
      message.success(`已导入「${created.name}」`);
      setProblems([]);
      await reload(created.id);
    } catch (e) {
      fail(e);
    }
  };

  const exportFile = () => {
    if (!draft) return;
    downloadBlob(new Blob([JSON.stringify(draft, null, 2)], { type: 'application/json' }), `${draft.name}.json`);
  };

  const addRule = () =>
    setDraft((d) =>
      d
        ? {
            ...d,
            rules: [
              ...d.rules,
              { id: `rule-${Date.now()}`, clause: '', title: '', strength: '宜', appliesTo: '全部', judgement: 'data', anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 0 }], note: '' },
            ],
          }
        : d,
    );

  return (
    <Drawer open size="min(1100px, 100vw)" title="认定规则集" onClose={onClose} destroyOnHidden>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="ruleset-pick">规则集</label>
        <Select
          id="ruleset-pick"
          style={{ minWidth: 420 }}
          value={selectedId ?? undefined}
          onChange={(id: string) => {
            setSelectedId(id);
            setProblems([]);
            setBadThresholds(new Set());
            setDraft(structuredClone(sets.find((s) => s.id === id) ?? null));
          }}
          options={sets.map((s) => ({ value: s.id, label: `${s.builtin ? '［内置］' : ''}${s.name}` }))}
        />
        <Button onClick={() => void copy()}>复制为本机构规则集</Button>
        <Button onClick={() => fileInput.current?.click()}>导入规则文件…</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="选择规则文件"
          style={{ display: 'none' }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }}
        />
        <Button onClick={exportFile} disabled={!draft}>
          导出为文件
        </Button>
      </Space>
      {draft && !draft.builtin && <RuleSetCorrections ruleSetId={draft.id} onApplied={(id) => void reload(id)} />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="规则集未保存（整份拒绝，未做任何修改）"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {draft && (
        <>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Space wrap>
              <label htmlFor="ruleset-name">名称</label>
              <Input id="ruleset-name" style={{ width: 420 }} value={draft.name} disabled={!editable} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
              {draft.builtin && <Tag color="blue">内置规则集只读，可复制后修改</Tag>}
            </Space>
            <Space wrap>
              <label htmlFor="ruleset-source">依据</label>
              <Input id="ruleset-source" style={{ width: 640 }} value={draft.source} disabled={!editable} onChange={(e) => setDraft({ ...draft, source: e.target.value })} />
            </Space>
          </Space>
          <Table<Rule>
            size="small"
            rowKey={(r) => `${draft.id}:${r.id}`}
            pagination={false}
            // Narrow windows scroll the table sideways; 条款 and 要求 stay in view, 要求 wraps instead of shrinking.
            // The rows scroll inside the drawer, so the sideways scrollbar stays in sight at 700 px high.
            scroll={{ x: 1180, y: 'max(240px, calc(100vh - 340px))' }}
            dataSource={draft.rules}
            columns={[
              {
                title: '条款',
                width: 96,
                fixed: 'left',
                render: (_, r, i) => <Input aria-label="条款" value={r.clause} disabled={!editable} onChange={(e) => updateRule(i, { clause: e.target.value })} />,
              },
              {
                title: '要求',
                width: 300,
                fixed: 'left',
                render: (_, r, i) => (
                  <Input.TextArea
                    aria-label={`${r.clause || `第 ${i + 1} 条`} 要求`}
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    value={r.title}
                    disabled={!editable}
                    onChange={(e) => updateRule(i, { title: e.target.value })}
                  />
                ),
              },
              {
                title: '应/宜',
                width: 80,
                render: (_, r, i) => (
                  <Select aria-label="应/宜" value={r.strength} disabled={!editable} onChange={(v) => updateRule(i, { strength: v })} options={STRENGTHS.map((s) => ({ value: s, label: s }))} />
                ),
              },
              {
                title: '适用',
                width: 96,
                render: (_, r, i) => (
                  <Select aria-label="适用" value={r.appliesTo} disabled={!editable} onChange={(v) => updateRule(i, { appliesTo: v })} options={APPLIES_TO.map((s) => ({ value: s, label: s }))} />
                ),
              },
              {
                title: '数量',
                width: 220,
                render: (_, r, i) =>
                  r.judgement === 'consultant' ? (
                    <Typography.Text type="secondary">由诊断人员判断</Typography.Text>
                  ) : (
                    <Select
                      aria-label="数量"
                      style={{ width: '100%' }}
                      value={r.anyOf[0]?.quantity}
                      disabled={!editable}
                      onChange={(q: QuantityKey) => updateCondition(i, { quantity: q, op: QUANTITIES[q].kind === 'boolean' ? 'is-true' : '>=' })}
                      options={QUANTITY_KEYS.map((k) => ({ value: k, label: QUANTITIES[k].label }))}
                    />
                  ),
              },
              {
                title: '比较',
                width: 110,
                render: (_, r, i) =>
                  r.anyOf[0] && (
                    <Select
                      aria-label="比较"
                      value={r.anyOf[0].op}
                      disabled={!editable}
                      onChange={(op) => updateCondition(i, { op })}
                      options={COMPARISONS.map((c) => ({ value: c, label: COMPARISON_LABELS[c] }))}
                    />
                  ),
              },
              {
                title: '阈值',
                width: 190,
                render: (_, r, i) => {
                  const c = r.anyOf[0];
                  if (!c || c.op === 'is-true') return null;
                  const unit = QUANTITIES[c.quantity].unit;
                  return (
                    <Space size={4} align="start">
                      <ThresholdInput
                        label={`${r.clause || `第 ${i + 1} 条`} 阈值`}
                        value={c.threshold}
                        unit={unit}
                        disabled={!editable}
                        onChange={(threshold) => updateCondition(i, { threshold })}
                        onValidityChange={(valid) => markThreshold(r.id, valid)}
                      />
                      {r.anyOf.length > 1 && <Tag>或另 {r.anyOf.length - 1} 项</Tag>}
                    </Space>
                  );
                },
              },
              {
                title: '',
                width: 60,
                render: (_, r, i) =>
                  editable && (
                    <Button
                      type="link"
                      danger
                      size="small"
                      onClick={() => {
                        markThreshold(r.id, true);
                        setDraft({ ...draft, rules: draft.rules.filter((_x, j) => j !== i) });
                      }}
                    >
                      删除
                    </Button>
                  ),
              },
            ]}
          />
          {editable && (
            <Space style={{ marginTop: 12 }}>
              <Button onClick={addRule}>添加规则</Button>
              <Button type="primary" onClick={() => void save()}>
                保存规则集
              </Button>
              <Popconfirm title="删除这个规则集？使用它的诊断将按 T/GXAS 453 §4.1 检查。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void remove()}>
                <Button danger>删除规则集</Button>
              </Popconfirm>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
