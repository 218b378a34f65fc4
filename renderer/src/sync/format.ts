import { syncFieldLabel } from '../../../shared/forms/sync-labels.js';

const GENERIC: Record<string, string> = {
  deletedAt: '删除状态',
  $sign: '签署',
  name: '名称',
  title: '职务',
  phone: '电话',
  address: '地址',
  isServiceStaff: '是否服务人员',
  incubatorYears: '孵化从业年限',
  orderKey: '顺序',
};

export function fieldLabel(entity: string, field: string): string {
  const label = syncFieldLabel(entity, field);
  if (label && label !== field && label !== field.replace(/^values\./, '')) return label;
  if (field.startsWith('values.')) return field.slice('values.'.length);
  return GENERIC[field] ?? field;
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v.startsWith('sha256:') ? `附件 ${v.slice(7, 15)}…` : v;
  return JSON.stringify(v);
}

export { formatTime } from './format-time.js';
