// Where a project stands: which stages are complete (from its documents and records) and whether a move to another
// stage is in order or needs a reason (docs/process.md §Stages). Pure, so the renderer shows the same answer the
// service enforces.
import { definitionOf, type DocumentKind } from '../forms/registry.js';
import type { FieldValue } from '../forms/field-definition.js';
import { RECORD_DEFINITIONS, type RecordKind } from './record-kinds.js';
import { PROJECT_STAGES, type ProjectStage, STAGE_INFO, type StageRequirement, stageIndex } from './stages.js';

export const STAGE_REASON_MAX = 500;

/** A document of the project, as far as the stages care. */
export interface DocumentFact {
  id: string;
  kind: DocumentKind;
  status: 'draft' | 'completed';
  signed: boolean;
}

export interface RecordFact {
  id: string;
  kind: RecordKind;
  values: Readonly<Record<string, FieldValue>>;
}

export interface ProjectFacts {
  documents: readonly DocumentFact[];
  records: readonly RecordFact[];
}

export interface RequirementStatus {
  /** 「诊断意见表已完成」, 「至少一条「洽谈与走访记录」」. */
  wording: string;
  met: boolean;
  /** What meets it (the newest such document or record), to link to. */
  evidence: { type: 'document'; kind: DocumentKind; id: string } | { type: 'record'; kind: RecordKind; id: string } | null;
}

export interface StageStatus {
  stage: ProjectStage;
  done: boolean;
  requirements: RequirementStatus[];
}

function wordingOf(r: StageRequirement): string {
  if (r.type === 'document') return `${definitionOf(r.kind).shortName}${r.state === 'signed' ? '已签署' : '已完成'}`;
  const title = RECORD_DEFINITIONS[r.kind].title;
  return r.where ? `「${title}」结论为${r.where.oneOf.join('或')}` : `至少一条「${title}」`;
}

function requirementStatus(r: StageRequirement, facts: ProjectFacts): RequirementStatus {
  if (r.type === 'document') {
    const meets = facts.documents.find((d) => d.kind === r.kind && (r.state === 'signed' ? d.signed : d.signed || d.status === 'completed'));
    return { wording: wordingOf(r), met: !!meets, evidence: meets ? { type: 'document', kind: r.kind, id: meets.id } : null };
  }
  const where = r.where;
  const meets = facts.records.find((x) => x.kind === r.kind && (!where || where.oneOf.includes(String(x.values[where.field] ?? ''))));
  return { wording: wordingOf(r), met: !!meets, evidence: meets ? { type: 'record', kind: r.kind, id: meets.id } : null };
}

/** Every stage with what completes it and whether it is met. `facts` lists newest first (the evidence linked). */
export function stageStatuses(facts: ProjectFacts): StageStatus[] {
  return PROJECT_STAGES.map((stage) => {
    const requirements = STAGE_INFO[stage].requires.map((r) => requirementStatus(r, facts));
    return { stage, done: requirements.every((r) => r.met), requirements };
  });
}

export type StageMoveCheck = { ok: true; outOfOrder: boolean } | { ok: false; message: string };

/**
 * A move from `current` to `target`. In order: to the next stage once the current one is complete. Anything else —
 * on before it is complete, skipping a stage, going back — is allowed only with a reason, which the history keeps.
 */
export function checkStageMove(current: ProjectStage, target: ProjectStage, statuses: readonly StageStatus[], reason: string): StageMoveCheck {
  if (current === target) return { ok: false, message: `项目已处于「${STAGE_INFO[target].title}」阶段。` };
  const why = reason.trim();
  if (why.length > STAGE_REASON_MAX) return { ok: false, message: `原因不能超过 ${STAGE_REASON_MAX} 个字。` };
  const from = stageIndex(current);
  const to = stageIndex(target);
  const currentStatus = statuses.find((s) => s.stage === current);
  const inOrder = to === from + 1 && !!currentStatus?.done;
  if (inOrder) return { ok: true, outOfOrder: false };
  if (why) return { ok: true, outOfOrder: true };
  return { ok: false, message: outOfOrderMessage(current, target, currentStatus) };
}

function outOfOrderMessage(current: ProjectStage, target: ProjectStage, status: StageStatus | undefined): string {
  const from = stageIndex(current);
  const to = stageIndex(target);
  const title = (s: ProjectStage) => `「${STAGE_INFO[s].title}」`;
  if (to < from) return `退回到${title(target)}需填写原因。`;
  if (to > from + 1) return `跳过${PROJECT_STAGES.slice(from + 1, to).map(title).join('、')}进入${title(target)}需填写原因。`;
  const missing = (status?.requirements ?? []).filter((r) => !r.met).map((r) => r.wording);
  return `${title(current)}尚未完成（还需：${missing.join('；')}），提前进入${title(target)}需填写原因。`;
}
