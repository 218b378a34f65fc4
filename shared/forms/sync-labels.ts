// What a synced field is called in the sync drawer, conflicts and history: the definitions' own labels, so every
// document kind is named without a hand-kept list (7.1).
import { DOCUMENT_DEFINITIONS, definitionOfEntity } from './registry.js';
import { agencyProfileFields } from '../domain/agency.js';
import { incubatorHeaderFields } from '../domain/incubator.js';
import { labelIn } from './values-schema.js';
import { isVerdictKey } from '../eligibility/verdicts.js';
import { RECORD_DEFINITIONS } from '../process/record-kinds.js';

const DOCUMENT_COLUMNS: Record<string, string> = {
  status: '状态',
  completedAt: '完成时间',
  incubatorId: '所属孵化器',
  revisionOf: '修订自',
  revision: '版本',
  revisionReason: '修订原因',
  header: '孵化器档案副本',
  agency: '服务机构信息副本',
};

const RECORD_ENTITIES: Record<string, string> = {
  incubators: '孵化器',
  agency_profile: '服务机构信息',
  agency_staff: '服务人员',
  rule_sets: '认定规则',
  cultivation_projects: '培育项目',
  project_stage_moves: '项目阶段变更',
  project_records: '项目记录',
};

const PROJECT_COLUMNS: Record<string, string> = {
  name: '项目名称',
  startedOn: '开始日期',
  stage: '所处阶段',
  closedOn: '结束日期',
  notes: '备注',
};

/** The Chinese name of any synced entity; the wire name when this build does not know it. */
export function syncEntityLabel(entity: string): string {
  return RECORD_ENTITIES[entity] ?? documentEntityLabel(entity) ?? entity;
}

/**
 * How a message names one record: its kind and its name when it has one (「孵化器「南宁科创」」), else its kind and
 * the start of its id, so the sync drawer says which record to fix.
 */
export function syncRecordName(entity: string, rowId: string, fields: Record<string, unknown> | undefined): string {
  const name = fields?.name;
  const label = syncEntityLabel(entity);
  return typeof name === 'string' && name.trim() !== '' ? `${label}「${name.trim().slice(0, 40)}」` : `${label}（编号 ${rowId.slice(0, 8)}）`;
}

/** The Chinese name of a synced entity (a table), e.g. 'diagnoses' → 「诊断意见表」. */
export function documentEntityLabel(entity: string): string | undefined {
  if (entity === 'document_items') return '文档列表项';
  if (entity === 'document_item_progress') return '实施进度';
  if (entity === 'sign_proposals') return '修订建议';
  return definitionOfEntity(entity)?.shortName;
}

/** The Chinese label of a synced field of a document, a list item, the incubator header or the agency profile. */
export function syncFieldLabel(entity: string, field: string): string | undefined {
  const key = field.startsWith('values.') ? field.slice('values.'.length) : field;
  if (entity === 'incubators') return labelIn(incubatorHeaderFields, key);
  if (entity === 'agency_profile') return labelIn(agencyProfileFields, key);
  if (entity === 'document_items') {
    for (const def of Object.values(DOCUMENT_DEFINITIONS)) for (const l of def.lists) for (const f of l.fields) if (f.key === key) return f.label;
    return undefined;
  }
  if (entity === 'document_item_progress') {
    for (const def of Object.values(DOCUMENT_DEFINITIONS)) for (const l of def.lists) for (const f of l.progress?.fields ?? []) if (f.key === key) return f.label;
    return undefined;
  }
  if (entity === 'cultivation_projects') return PROJECT_COLUMNS[key];
  if (entity === 'project_records') {
    for (const def of Object.values(RECORD_DEFINITIONS)) for (const f of def.fields) if (f.key === key) return f.label;
    return undefined;
  }
  const def = definitionOfEntity(entity);
  if (!def) return undefined;
  if (isVerdictKey(key)) return `诊断人员判断（${key.slice(key.indexOf(':') + 1)}）`;
  return def.fields.find((f) => f.key === key)?.label ?? DOCUMENT_COLUMNS[key];
}

/**
 * The label of a field of a signing-race proposal (docs/sync.md §Signing): the document's field, or a list item's
 * field (`items.<item id>.<field>`) as 「列表项·<label>」.
 */
export function proposalFieldLabel(documentEntity: string, field: string): string {
  const item = /^items\.[^.]+\.(.+)$/.exec(field);
  if (item) return `列表项·${syncFieldLabel('document_items', item[1]!) ?? item[1]!}`;
  return syncFieldLabel(documentEntity, field) ?? field;
}

