// The records the standard asks for along a cultivation project (§5.2.1, §5.2.5, §5.2.6 c, §5.2.7, §6.1–6.3),
// described once in the app's field vocabulary (shared/forms/field-definition.ts): the form, the checks, the
// stored values, sync and the archive all read these definitions (docs/process.md §Records).
import type { FieldDefinition } from '../forms/field-definition.js';

export const RECORD_KINDS = [
  'consultation',
  'serviceTask',
  'progressReport',
  'acceptance',
  'followUp',
  'complaint',
  'clientEvaluation',
  'correctiveAction',
  'improvement',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordKindDefinition {
  kind: RecordKind;
  /** What one record is called, e.g. 「洽谈与走访记录」. */
  title: string;
  clause: string;
  fields: readonly FieldDefinition[];
  /** The field that dates the record (when it happened), for lists, the archive and future-date warnings. */
  dateField: string;
  /** The field that names the record in lists and links. */
  titleField: string;
  /**
   * When the record is still open and by which date it is due (工作台's 「本周待办」): the date field and the
   * field whose filling closes it.
   */
  due?: { dateField: string; closedBy: string; wording: string };
}

const CHANNELS = ['来访', '走访', '电话', '线上', '宣传活动', '其他'] as const;
const YES_PARTLY_NO = ['是', '部分', '否'] as const;

export const RECORD_DEFINITIONS: Readonly<Record<RecordKind, RecordKindDefinition>> = {
  consultation: {
    kind: 'consultation',
    title: '洽谈与走访记录',
    clause: '5.2.1',
    dateField: 'date',
    titleField: 'subject',
    fields: [
      { key: 'date', label: '日期', type: 'date', required: true },
      { key: 'channel', label: '方式', type: 'choice', options: CHANNELS, required: true },
      { key: 'subject', label: '主题', type: 'text', required: true, maxLength: 100 },
      { key: 'people', label: '参加人员', type: 'text', required: true, maxLength: 200 },
      { key: 'notes', label: '洽谈内容及结果', type: 'longtext', maxLength: 5000 },
    ],
  },
  serviceTask: {
    kind: 'serviceTask',
    title: '详细服务计划',
    clause: '5.2.5 a',
    dateField: 'dueDate',
    titleField: 'task',
    due: { dateField: 'dueDate', closedBy: 'doneDate', wording: '服务计划事项到期' },
    fields: [
      { key: 'task', label: '服务事项', type: 'text', required: true, maxLength: 200 },
      { key: 'department', label: '责任部门', type: 'text', maxLength: 100 },
      { key: 'responsible', label: '责任人', type: 'text', required: true, maxLength: 50 },
      { key: 'dueDate', label: '计划完成日期', type: 'date', required: true },
      { key: 'doneDate', label: '实际完成日期', type: 'date' },
      { key: 'notes', label: '备注', type: 'longtext', maxLength: 2000 },
    ],
  },
  progressReport: {
    kind: 'progressReport',
    title: '进展反馈与问题协调',
    clause: '5.2.5 b',
    dateField: 'date',
    titleField: 'summary',
    due: { dateField: 'date', closedBy: 'resolvedDate', wording: '问题待解决' },
    fields: [
      { key: 'date', label: '反馈日期', type: 'date', required: true },
      { key: 'summary', label: '进展情况', type: 'longtext', required: true, maxLength: 5000 },
      { key: 'issues', label: '遇到的问题', type: 'longtext', maxLength: 5000 },
      { key: 'resolution', label: '协调与解决情况', type: 'longtext', maxLength: 5000 },
      { key: 'resolvedDate', label: '解决日期', type: 'date', notBefore: 'date' },
    ],
  },
  acceptance: {
    kind: 'acceptance',
    title: '服务验收',
    clause: '5.2.5 c',
    dateField: 'date',
    titleField: 'conclusion',
    fields: [
      { key: 'date', label: '验收日期', type: 'date', required: true },
      { key: 'basis', label: '验收依据（合同条款）', type: 'text', maxLength: 200 },
      { key: 'items', label: '验收内容', type: 'longtext', required: true, maxLength: 5000 },
      { key: 'conclusion', label: '验收结论', type: 'choice', options: ['通过', '基本通过', '不通过'], required: true },
      { key: 'people', label: '验收人员', type: 'text', required: true, maxLength: 200 },
    ],
  },
  followUp: {
    kind: 'followUp',
    title: '后续跟踪服务',
    clause: '5.2.6 c',
    dateField: 'date',
    titleField: 'content',
    fields: [
      { key: 'date', label: '日期', type: 'date', required: true },
      { key: 'content', label: '跟踪服务内容', type: 'longtext', required: true, maxLength: 5000 },
      { key: 'nextStep', label: '后续事项', type: 'longtext', maxLength: 2000 },
      { key: 'nextDate', label: '下次跟踪日期', type: 'date', notBefore: 'date' },
    ],
  },
  complaint: {
    kind: 'complaint',
    title: '投诉处理',
    clause: '6.1',
    dateField: 'receivedDate',
    titleField: 'content',
    due: { dateField: 'answerDue', closedBy: 'answeredDate', wording: '投诉待答复' },
    fields: [
      { key: 'receivedDate', label: '受理日期', type: 'date', required: true },
      { key: 'complainant', label: '投诉人', type: 'text', required: true, maxLength: 50 },
      { key: 'channel', label: '投诉渠道', type: 'choice', options: ['电话', '来访', '线上', '书面', '其他'], required: true },
      { key: 'content', label: '投诉内容', type: 'longtext', required: true, maxLength: 5000 },
      { key: 'handler', label: '受理人', type: 'text', required: true, maxLength: 50 },
      { key: 'answerDue', label: '答复期限', type: 'date', required: true, notBefore: 'receivedDate' },
      { key: 'handling', label: '处理情况', type: 'longtext', maxLength: 5000 },
      { key: 'answeredDate', label: '答复日期', type: 'date', notBefore: 'receivedDate' },
      { key: 'revisitDate', label: '回访日期', type: 'date', notBefore: 'receivedDate' },
      { key: 'revisitResult', label: '回访结果', type: 'longtext', maxLength: 2000 },
    ],
  },
  clientEvaluation: {
    kind: 'clientEvaluation',
    title: '委托方服务评价',
    clause: '6.2.3',
    dateField: 'date',
    titleField: 'evaluator',
    fields: [
      { key: 'date', label: '评价日期', type: 'date', required: true },
      { key: 'evaluator', label: '评价人', type: 'text', required: true, maxLength: 50 },
      { key: 'method', label: '评价方式', type: 'choice', options: ['电话', '实地访谈', '满意度调查表'], required: true },
      { key: 'goalsMet', label: '服务目标是否完成', type: 'choice', options: YES_PARTLY_NO, required: true },
      { key: 'planOnTime', label: '服务计划是否按时完成', type: 'choice', options: YES_PARTLY_NO, required: true },
      { key: 'staffCompetent', label: '服务人员素质是否满足工作需要', type: 'choice', options: YES_PARTLY_NO, required: true },
      { key: 'qualityMet', label: '服务质量是否满足委托方要求', type: 'choice', options: YES_PARTLY_NO, required: true },
      { key: 'problems', label: '存在的问题及建议', type: 'longtext', maxLength: 5000 },
    ],
  },
  correctiveAction: {
    kind: 'correctiveAction',
    title: '不合格项整改',
    clause: '6.3',
    dateField: 'foundDate',
    titleField: 'nonConformity',
    due: { dateField: 'deadline', closedBy: 'closedDate', wording: '整改期限' },
    fields: [
      { key: 'foundDate', label: '发现日期', type: 'date', required: true },
      { key: 'nonConformity', label: '不合格项', type: 'longtext', required: true, maxLength: 2000 },
      { key: 'cause', label: '原因分析', type: 'longtext', maxLength: 2000 },
      { key: 'responsible', label: '整改责任人', type: 'text', required: true, maxLength: 50 },
      { key: 'plan', label: '整改计划方案', type: 'longtext', required: true, maxLength: 5000 },
      { key: 'deadline', label: '整改期限', type: 'date', required: true, notBefore: 'foundDate' },
      { key: 'closedDate', label: '验证关闭日期', type: 'date', notBefore: 'foundDate' },
      { key: 'verifiedBy', label: '验证人', type: 'text', maxLength: 50 },
    ],
  },
  improvement: {
    kind: 'improvement',
    title: '服务改进',
    clause: '5.2.7',
    dateField: 'date',
    titleField: 'problems',
    fields: [
      { key: 'date', label: '日期', type: 'date', required: true },
      { key: 'problems', label: '存在的主要问题', type: 'longtext', required: true, maxLength: 5000 },
      { key: 'measures', label: '改进措施及预期成效', type: 'longtext', required: true, maxLength: 5000 },
      { key: 'deadline', label: '改进期限', type: 'date', required: true, notBefore: 'date' },
      { key: 'other', label: '其他', type: 'longtext', maxLength: 2000 },
    ],
  },
};

export function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}
