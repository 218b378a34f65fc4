import { Button } from 'antd';
import type { ReminderView } from '../../../../shared/contract/contracts-contract.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { navigate } from '../../navigation/router.js';

const URGENCY_LABELS: Record<ReminderView['urgency'], string> = { overdue: '已逾期', due: '待办', upcoming: '即将到来' };

/**
 * Contract reminders (docs/contract-lifecycle.md): what to do, a link to the contract, and 「已处理」. Plain markup:
 * the 工作台 is the first screen (docs/ui.md, "Code splitting").
 */
export function ContractReminderList({ reminders, onDone, showOpen }: { reminders: readonly ReminderView[]; onDone: (r: ReminderView) => void; showOpen: boolean }) {
  if (reminders.length === 0) return <p className="wb-secondary">暂无待处理的合同提醒</p>;
  return (
    <ul className="wb-recent" aria-label="合同提醒">
      {reminders.map((r) => (
        <li key={r.key}>
          <span className={r.urgency === 'overdue' ? 'wb-attention' : undefined}>
            【{URGENCY_LABELS[r.urgency]}】{showOpen ? `${r.incubatorName}：` : ''}
            {r.message}
          </span>
          <span>
            <time dateTime={r.date} className="wb-secondary">
              {formatChineseDate(r.date)}
            </time>
            {showOpen && (
              <Button type="link" size="small" onClick={() => navigate(`/documents/contract/${encodeURIComponent(r.target.contractId)}`)}>
                打开合同
              </Button>
            )}
            <Button type="link" size="small" onClick={() => onDone(r)} aria-label={`标记为已处理：${r.message}`}>
              已处理
            </Button>
          </span>
        </li>
      ))}
    </ul>
  );
}
