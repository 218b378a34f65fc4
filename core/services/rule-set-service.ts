import { randomUUID } from 'node:crypto';
import type { eligibilityContract } from '../../shared/contract/eligibility-contract.js';
import { BUILTIN_RULE_SETS, DEFAULT_RULE_SET_ID } from '../../shared/eligibility/builtin-rule-sets.js';
import { parseRuleSetJson, type RuleSet, ruleSetSchema, validateRuleSet } from '../../shared/eligibility/rule-set-schema.js';
import { AppError } from '../../shared/rpc/result.js';
import type { Executor } from '../../db/database.js';
import { deleteRuleSetRow, getRuleSetRow, listRuleSetRows, saveRuleSetRow, type StoredRuleSet } from '../../db/repositories/rule-set-repository.js';
import { applyCorrections, basedOnOf, pendingCorrections } from '../../shared/eligibility/rule-set-corrections.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';

const BUILTINS: readonly RuleSet[] = BUILTIN_RULE_SETS.map((s) => ruleSetSchema.parse(s));

function fromStored(s: StoredRuleSet): RuleSet | null {
  const r = validateRuleSet({ id: s.id, name: s.name, source: s.source, level: s.level, builtin: false, basedOn: s.basedOn, rules: s.rules });
  return r.ok ? r.ruleSet : null;
}

export function listAllRuleSets(db: Executor): RuleSet[] {
  return [...BUILTINS, ...listRuleSetRows(db).flatMap((s) => fromStored(s) ?? [])];
}

/** The rule set a document names; the built-in §4.1 set when it is gone (deleted copy, unknown id). */
export function resolveRuleSet(db: Executor, id: string): RuleSet {
  const builtin = BUILTINS.find((s) => s.id === id);
  if (builtin) return builtin;
  const stored = getRuleSetRow(db, id);
  const parsed = stored ? fromStored(stored) : null;
  return parsed ?? BUILTINS.find((s) => s.id === DEFAULT_RULE_SET_ID)!;
}

export function isKnownRuleSet(db: Executor, id: string): boolean {
  return BUILTINS.some((s) => s.id === id) || getRuleSetRow(db, id) !== undefined;
}

function refuse(message: string, problems: string[] = []): never {
  throw new AppError('validation', message, { issues: problems.map((p) => ({ field: 'ruleSet', message: p, severity: 'error' as const })) });
}

export function ruleSetHandlers(wb: Workbench): HandlersFor<typeof eligibilityContract> {
  const store = (set: RuleSet): RuleSet => {
    const saved = saveRuleSetRow(wb.database.db, wb.changeContext(), {
      id: set.id,
      name: set.name,
      source: set.source,
      level: set.level,
      rules: set.rules,
      basedOn: basedOnOf(set),
    });
    return fromStored(saved) ?? set;
  };
  const checked = (data: unknown): RuleSet => {
    const r = validateRuleSet(data);
    if (!r.ok) refuse(r.message, r.problems);
    if (BUILTINS.some((b) => b.id === r.ruleSet.id)) refuse('内置规则集不能直接修改，请先“复制”一份再编辑。');
    return { ...r.ruleSet, builtin: false };
  };
  return {
    'ruleSets.list': () => listAllRuleSets(wb.database.db),
    'ruleSets.save': ({ ruleSet }) => store(checked(ruleSet)),
    'ruleSets.copy': ({ id, name }) => {
      const source = listAllRuleSets(wb.database.db).find((s) => s.id === id);
      if (!source) throw new AppError('not-found', '找不到要复制的规则集，请刷新后重试。');
      // A copy remembers the built-in set and version it came from, so later corrections can be offered.
      const basedOn = source.builtin ? { id: source.id, version: source.version } : basedOnOf(source);
      return store({ ...source, id: `agency-${randomUUID()}`, name: name?.trim() || `${source.name}（副本）`, builtin: false, basedOn });
    },
    'ruleSets.import': ({ text }) => {
      const r = parseRuleSetJson(text);
      if (!r.ok) refuse(r.message, r.problems);
      // A file that reuses a built-in id becomes a new agency set rather than shadowing the built-in one.
      const id = BUILTINS.some((b) => b.id === r.ruleSet.id) ? `agency-${randomUUID()}` : r.ruleSet.id;
      return store({ ...r.ruleSet, id, builtin: false });
    },
    'ruleSets.corrections': () =>
      listAllRuleSets(wb.database.db)
        .filter((s) => !s.builtin)
        .flatMap((s) => {
          const pending = pendingCorrections(s);
          return pending.length === 0 ? [] : [{ ruleSetId: s.id, ruleSetName: s.name, changes: pending.flatMap((c) => c.changes.map((ch) => ch.why)) }];
        }),
    'ruleSets.applyCorrections': ({ id }) => {
      const set = listAllRuleSets(wb.database.db).find((s) => s.id === id && !s.builtin);
      if (!set) throw new AppError('not-found', '找不到这个规则集，请刷新后重试。');
      return store(applyCorrections(set));
    },
    'ruleSets.delete': ({ id }) => {
      if (BUILTINS.some((b) => b.id === id)) refuse('内置规则集不能删除。');
      deleteRuleSetRow(wb.database.db, wb.changeContext(), id);
      return {};
    },
  };
}
