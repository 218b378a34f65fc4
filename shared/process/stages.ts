// The standard's path for one incubator (T/GXAS 453-2023 §5.1, Figure 1, §5.2.1–5.2.7), as the stages of a
// cultivation project (docs/process.md). The order is the standard's; a project is in exactly one stage.
import type { DocumentKind } from '../forms/registry.js';
import type { RecordKind } from './record-kinds.js';

export const PROJECT_STAGES = ['outreach', 'diagnosis', 'contracting', 'planning', 'implementation', 'summary', 'improvement'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/**
 * What completes a stage: a document of the incubator (within the project) in a state, or a record of the project.
 * `signed` means both sides signed it (§5.2.4 c: the plan takes effect once signed).
 */
export type StageRequirement =
  | { type: 'document'; kind: DocumentKind; state: 'completed' | 'signed' }
  | { type: 'record'; kind: RecordKind; where?: { field: string; oneOf: readonly string[] } };

export interface StageInfo {
  title: string;
  /** The clause of the standard, as printed. */
  clause: string;
  /** Every requirement must be met for the stage to be complete. */
  requires: readonly StageRequirement[];
}

export const STAGE_INFO: Readonly<Record<ProjectStage, StageInfo>> = {
  outreach: { title: '宣传与洽谈', clause: '5.2.1', requires: [{ type: 'record', kind: 'consultation' }] },
  diagnosis: { title: '分析与诊断', clause: '5.2.2', requires: [{ type: 'document', kind: 'diagnosis', state: 'completed' }] },
  contracting: { title: '委托与签约', clause: '5.2.3', requires: [{ type: 'document', kind: 'contract', state: 'signed' }] },
  planning: { title: '制定培育方案', clause: '5.2.4', requires: [{ type: 'document', kind: 'plan', state: 'signed' }] },
  implementation: {
    title: '组织实施',
    clause: '5.2.5',
    requires: [
      { type: 'record', kind: 'serviceTask' },
      // An acceptance that failed does not complete the work (§5.2.5 c: 按合同进行相关验收).
      { type: 'record', kind: 'acceptance', where: { field: 'conclusion', oneOf: ['通过', '基本通过'] } },
    ],
  },
  summary: {
    title: '总结与跟踪',
    clause: '5.2.6',
    requires: [
      { type: 'document', kind: 'evaluation', state: 'completed' },
      { type: 'record', kind: 'followUp' },
    ],
  },
  improvement: { title: '服务改进', clause: '5.2.7', requires: [{ type: 'record', kind: 'improvement' }] },
};

export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

export function isProjectStage(value: string): value is ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(value);
}
