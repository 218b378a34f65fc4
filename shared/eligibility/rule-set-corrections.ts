// Corrections of the built-in rule sets, as data. An agency's copy of an older built-in version is offered the
// correction (never applied silently): its own edits stay, only the rules the correction names change.
import { BUILTIN_RULE_SETS, TGXAS_453_RULE_SET } from './builtin-rule-sets.js';
import { type Comparison, type Rule, type RuleSet, ruleSchema } from './rule-set-schema.js';

export type RuleChange =
  | { kind: 'op'; ruleId: string; from: Comparison; to: Comparison; why: string }
  | { kind: 'add'; ruleId: string; after: string; why: string };

export interface RuleSetCorrection {
  setId: string;
  fromVersion: number;
  toVersion: number;
  changes: readonly RuleChange[];
}

const INCLUSIVE = '「以上」「不低于」「不少于」包含本数（民法典 第一千二百五十九条）';

export const RULE_SET_CORRECTIONS: readonly RuleSetCorrection[] = [
  {
    setId: TGXAS_453_RULE_SET.id,
    fromVersion: 1,
    toVersion: 2,
    changes: [
      { kind: 'op', ruleId: '4.1.5', from: '>', to: '>=', why: `4.1.5「70%以上」改为“不低于 70%”：${INCLUSIVE}` },
      { kind: 'add', ruleId: '4.1.2', after: '4.1.1-years', why: '增加 4.1.2：依据「是否建立完善的运营管理制度」判断，并由诊断人员确认' },
    ],
  },
  {
    setId: 'builtin-gkfq-2018-300-art9',
    fromVersion: 1,
    toVersion: 2,
    changes: [
      { kind: 'op', ruleId: 'area-share', from: '>', to: '>=', why: `在孵企业使用面积占比「75%以上」改为“不低于 75%”：${INCLUSIVE}` },
      { kind: 'op', ruleId: 'staff-share', from: '>', to: '>=', why: `专业孵化服务人员占比「80%以上」改为“不低于 80%”：${INCLUSIVE}` },
      { kind: 'op', ruleId: 'pro-same-industry', from: '>', to: '>=', why: `同一产业领域在孵企业占比「75%以上」改为“不低于 75%”：${INCLUSIVE}` },
    ],
  },
];

function builtinRule(setId: string, ruleId: string): Rule | undefined {
  const set = BUILTIN_RULE_SETS.find((s) => s.id === setId);
  const input = set?.rules.find((r) => r.id === ruleId);
  return input ? ruleSchema.parse(input) : undefined;
}

/** The built-in set and version an agency set was copied from. Copies made before versions existed name no
 * `basedOn`; they carry the built-in set's `source` text, and were copies of version 1. */
export function basedOnOf(set: RuleSet): { id: string; version: number } | null {
  if (set.builtin) return null;
  if (set.basedOn) return set.basedOn;
  const builtin = BUILTIN_RULE_SETS.find((b) => b.source === set.source);
  return builtin ? { id: builtin.id, version: 1 } : null;
}

/** The corrections an agency set has not taken yet, with only the changes that apply to its rules. */
export function pendingCorrections(set: RuleSet): RuleSetCorrection[] {
  const base = basedOnOf(set);
  if (!base) return [];
  return RULE_SET_CORRECTIONS.filter((c) => c.setId === base.id && c.fromVersion >= base.version)
    .map((c) => ({ ...c, changes: c.changes.filter((ch) => applies(set.rules, ch)) }))
    .filter((c) => c.changes.length > 0);
}

function applies(rules: readonly Rule[], change: RuleChange): boolean {
  const rule = rules.find((r) => r.id === change.ruleId);
  if (change.kind === 'add') return !rule;
  return !!rule && rule.anyOf.some((c) => c.op === change.from);
}

/** The set with every pending correction applied, and its `basedOn` raised to the corrected version. */
export function applyCorrections(set: RuleSet): RuleSet {
  const base = basedOnOf(set);
  if (!base) return set;
  let rules = [...set.rules];
  let version = base.version;
  for (const c of RULE_SET_CORRECTIONS.filter((x) => x.setId === base.id && x.fromVersion >= base.version)) {
    for (const change of c.changes) {
      if (!applies(rules, change)) continue;
      if (change.kind === 'op') {
        rules = rules.map((r) =>
          r.id === change.ruleId ? { ...r, anyOf: r.anyOf.map((cond) => (cond.op === change.from ? { ...cond, op: change.to } : cond)) } : r,
        );
      } else {
        const added = builtinRule(c.setId, change.ruleId);
        if (!added) continue;
        const at = rules.findIndex((r) => r.id === change.after);
        rules.splice(at < 0 ? rules.length : at + 1, 0, added);
      }
    }
    version = Math.max(version, c.toVersion);
  }
  return { ...set, rules, basedOn: { id: base.id, version } };
}
