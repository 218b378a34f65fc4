// A sample plan (附录C) for the layout tests and the benchmark: every section filled (long texts optional), n tasks
// and m budget lines, any revision. Not shipped data.
import { buildDocumentModel, type DocumentModel } from '../../shared/forms/document-model.js';
import { BASICS_PARTS, MEASURE_PARTS, planDefinition } from '../../shared/forms/appendix-c/plan-definition.js';
import type { DocumentLists } from '../../shared/forms/document-data.js';
import type { DocumentStatus } from '../../shared/forms/document-definition.js';
import { SAMPLE_AGENCY, SAMPLE_HEADER } from './sample-models.js';

export interface SamplePlanOptions {
  tasks?: number;
  budgetLines?: number;
  /** Each section a page or more of text with bullets, to see rows continue. */
  longTexts?: boolean;
  revision?: number;
  status?: DocumentStatus;
}

const LONG = `${'围绕园区主导产业，梳理孵化器的发展定位与服务特色，明确“专业化、市场化、品牌化”的培育路径。'.repeat(12)}\n• 建立入孵评审委员会，完善入孵、在孵、毕业全流程管理制度；\n• 每季度开展一次在孵企业走访，建立问题清单并限期解决；\n• 引进知识产权、财税、法律等专业服务机构不少于 3 家。\n${'结合诊断发现的差距，逐项制定整改措施，明确责任人和完成时限。'.repeat(10)}`;

export function samplePlanValues(longTexts = false): Record<string, string | number> {
  const text = (label: string) => (longTexts ? `${label}：${LONG}` : `${label}的现状与计划。\n• 第一项措施\n• 第二项措施`);
  return {
    plannedOn: '2025-07-01',
    planStart: '2025-07',
    consultants: '刘建新、黄敏',
    contractFee: 8_000_000,
    contractEnd: '2027-06-30',
    ...Object.fromEntries([...BASICS_PARTS, ...MEASURE_PARTS].map(([key, label]) => [key, text(label)])),
    diagnosisConclusion: `根据2025年05月20日的诊断意见表：\n场地、团队基础较好，创业导师和种子资金不足。\n对照 T/GXAS 453-2023，尚有以下差距：\n• 4.1.6 创业导师：当前 1 人，还差 2 人。\n• 4.1.4 种子资金：当前 0 万元，还差 200 万元。`,
    overallGoal: text('培育总体目标'),
  };
}

export function samplePlanLists(tasks: number, budgetLines: number): DocumentLists {
  return {
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `task-${String(i).padStart(4, '0')}`,
      values: {
        description: `任务内容 ${i + 1}：完善孵化服务体系，组织创新创业活动、投融资对接和专业培训，形成阶段性成果并报甲方确认。`,
        dueMonth: `${2025 + Math.floor((6 + i) / 12)}-${String(((6 + i) % 12) + 1).padStart(2, '0')}`,
        owner: i % 2 ? '黄敏' : '刘建新',
      },
    })),
    budget: Array.from({ length: budgetLines }, (_, i) => ({
      id: `budget-${String(i).padStart(4, '0')}`,
      values: { item: `预算项目 ${i + 1}（专家咨询、培训、差旅等）`, amount: 100_000 + i * 1_050, note: i % 4 === 0 ? '按季度据实结算' : '' },
    })),
  };
}

export function samplePlanModel(options: SamplePlanOptions = {}): DocumentModel {
  const revision = options.revision ?? 1;
  return buildDocumentModel({
    def: planDefinition,
    values: {
      ...samplePlanValues(options.longTexts),
      ...(revision > 1 ? { agreedByIncubator: '韦丽娟', agreedByAgency: '刘建新', agreedOn: '2026-03-10' } : {}),
    },
    lists: samplePlanLists(options.tasks ?? 4, options.budgetLines ?? 5),
    header: SAMPLE_HEADER,
    agency: SAMPLE_AGENCY,
    status: options.status ?? 'completed',
    revision,
    revisionReason: revision > 1 ? '甲方新增路演活动，调整任务期限' : null,
  });
}
