// A recognition rule set as data (docs/domain-rules.md): an agency can copy one, edit thresholds, add rules, and load one
// from a JSON file. A file that breaks any rule below is refused whole, with the reason — never half-loaded.
import { z } from 'zod';
import { QUANTITY_KEYS, QUANTITY_CATALOG } from './quantity-catalog.js';

export const COMPARISONS = ['>=', '>', '<=', '<', 'is-true'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const COMPARISON_LABELS: Record<Comparison, string> = { '>=': '不低于', '>': '超过', '<=': '不超过', '<': '低于', 'is-true': '为“是”' };

export const STRENGTHS = ['应', '宜'] as const;
export const APPLIES_TO = ['全部', '专业型', '综合型'] as const;
export const JUDGEMENTS = ['data', 'consultant', 'confirm'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

export const conditionSchema = z
  .object({
    quantity: z.enum(QUANTITY_KEYS, { message: `quantity 应为以下之一：${QUANTITY_KEYS.join('、')}` }),
    op: z.enum(COMPARISONS, { message: `op 应为 ${COMPARISONS.join(' ')} 之一` }),
    threshold: z.number({ message: 'threshold 应为数字' }).finite().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const q = QUANTITY_CATALOG[c.quantity];
    if (q.kind === 'boolean' && c.op !== 'is-true') {
      ctx.addIssue({ code: 'custom', path: ['op'], message: `「${q.label}」是“是/否”量，op 只能为 is-true` });
    }
    if (q.kind !== 'boolean') {
      if (c.op === 'is-true') ctx.addIssue({ code: 'custom', path: ['op'], message: `「${q.label}」是数量，op 不能为 is-true` });
      else if (c.threshold === undefined) ctx.addIssue({ code: 'custom', path: ['threshold'], message: '数量比较需要 threshold（阈值）' });
      else if (c.threshold < 0) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'threshold 不能为负数' });
      else if (q.kind === 'percent' && c.threshold > 100) ctx.addIssue({ code: 'custom', path: ['threshold'], message: '百分比阈值不能超过 100' });
    }
  });
export type RuleCondition = z.infer<typeof conditionSchema>;

export const ruleSchema = z
  .object({
    id: z.string().trim().min(1, 'id 不能为空').max(60),
    /** The source clause, e.g. 「4.1.3」 or 「第九条（一）」. */
    clause: z.string().trim().min(1, 'clause（条款）不能为空').max(60),
    /** The criterion in words, e.g. 「可自主支配的孵化场地面积不低于 5 000 m²」. */
    title: z.string().trim().min(1, 'title（要求）不能为空').max(300),
    strength: z.enum(STRENGTHS, { message: 'strength 应为“应”或“宜”' }),
    appliesTo: z.enum(APPLIES_TO, { message: 'appliesTo 应为“全部”“专业型”或“综合型”' }).default('全部'),
    /**
     * `data`: checked from the document; `consultant`: judged by the consultant (e.g. §4.1.9); `confirm`: checked
     * from the document, and a met result is confirmed by the consultant (§4.1.2: a 「是」 is not proof).
     */
    judgement: z.enum(JUDGEMENTS).default('data'),
    /** Met when any one condition is met (e.g. patents ≥ 50 % or valid IP ≥ 30 %). Empty for `consultant`. */
    anyOf: z.array(conditionSchema).max(5).default([]),
    note: z.string().max(500).default(''),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.judgement !== 'consultant' && r.anyOf.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['anyOf'], message: '按数据判断的规则至少需要一个条件（anyOf）' });
    }
  });
export type Rule = z.infer<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

export const ruleSetSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1, 'name（名称）不能为空').max(100),
    /** Where the criteria come from, e.g. 「T/GXAS 453-2023 §4.1」. */
    source: z.string().trim().min(1, 'source（依据）不能为空').max(200),
    level: z.string().trim().max(40).default(''),
    builtin: z.boolean().default(false),
    /** Built-in sets are corrected in new releases (builtin-rule-sets.ts): each correction raises the version. */
    version: z.number().int().min(1).default(1),
    /** An agency copy remembers which built-in set and version it was copied from, so corrections can be offered. */
    basedOn: z.object({ id: z.string().max(100), version: z.number().int().min(1) }).strict().nullable().default(null),
    rules: z.array(ruleSchema).min(1, '至少需要一条规则').max(200),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `规则 id “${r.id}” 重复` });
      seen.add(r.id);
    });
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetInput = z.input<typeof ruleSetSchema>;

function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (p === 'rules' && typeof path[i + 1] === 'number') {
      parts.push(`第 ${(path[i + 1] as number) + 1} 条规则`);
      i++;
    } else if (p === 'anyOf' && typeof path[i + 1] === 'number') {
      parts.push(`第 ${(path[i + 1] as number) + 1} 个条件`);
      i++;
    } else parts.push(String(p));
  }
  return parts.join(' → ');
}

export type RuleSetParse = { ok: true; ruleSet: RuleSet } | { ok: false; message: string; problems: string[] };

/** Validates a rule set (an object). All problems are listed; nothing is accepted unless everything is valid. */
export function validateRuleSet(data: unknown): RuleSetParse {
  const r = ruleSetSchema.safeParse(data);
  if (r.success) return { ok: true, ruleSet: r.data };
  const problems = r.error.issues.map((i) => {
    const where = describePath(i.path);
    return where ? `${where}：${i.message}` : i.message;
  });
  return { ok: false, message: `规则集有 ${problems.length} 处问题，未导入：${problems.slice(0, 5).join('；')}${problems.length > 5 ? '……' : ''}`, problems };
}

/** Reads a rule file's text. Refused whole, with the reason, when it is not JSON or breaks the schema. */
export function parseRuleSetJson(text: string): RuleSetParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `规则文件不是有效的 JSON，未导入（${why}）`, problems: [why] };
  }
  return validateRuleSet(data);
}
