import dayjs from 'dayjs';
import type { BackupInfo } from '../../../shared/contract/data-contract.js';

const REASON_LABELS: Record<BackupInfo['reason'], string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  'before-restore': '恢复前自动保存',
  'before-migration': '升级前自动备份',
};

export function backupReasonLabel(reason: BackupInfo['reason']): string {
  return REASON_LABELS[reason];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Local time, to the minute. ISO strings with Z are converted; local ones are shown as they are. */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

export function describeBackup(b: BackupInfo): string {
  return `${formatDateTime(b.createdAt)}（${backupReasonLabel(b.reason)}，${formatBytes(b.sizeBytes)}）`;
}
