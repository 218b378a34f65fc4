import { useState } from 'react';
import type { ReminderView } from '../../../shared/contract/contracts-contract.js';
import { call, errorMessage } from '../api/client.js';
import { ContractReminderList } from '../documents/kinds/ContractReminderList.js';
import { useDashboardStore } from '../store/dashboard-store.js';

/**
 * The 工作台's 合同提醒: every open reminder of every contract, each linking to its contract, each can be marked
 * done. Read with the rest of 工作台 (dashboard-store), so demo data or a new contract shows here on the next load.
 */
export function ContractRemindersSection() {
  const reminders = useDashboardStore((s) => s.reminders);
  const readError = useDashboardStore((s) => s.remindersError);
  const load = useDashboardStore((s) => s.load);
  const [doneError, setDoneError] = useState<string | null>(null);
  const done = (r: ReminderView) => {
    call('contracts.markReminderDone', { key: r.key, contractId: r.target.contractId })
      .then(() => {
        setDoneError(null);
        return load();
      })
      .catch((e: unknown) => setDoneError(errorMessage(e)));
  };
  const error = doneError ?? readError;
  return (
    <section className="wb-panel" aria-labelledby="dashboard-reminders">
      <h2 id="dashboard-reminders" className="wb-panel-title">
        合同提醒
      </h2>
      {error && <p className="wb-attention">{error}</p>}
      {reminders && <ContractReminderList reminders={reminders} onDone={done} showOpen />}
    </section>
  );
}
