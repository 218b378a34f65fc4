import { useCallback, useEffect, useState } from 'react';
import type { ReminderView } from '../../../shared/contract/contracts-contract.js';
import { call, errorMessage } from '../api/client.js';
import { ContractReminderList } from '../documents/kinds/ContractReminderList.js';

/** The 工作台's 合同提醒: every open reminder of every contract, each linking to its contract, each can be marked done. */
/** `refresh`: reloads when it changes (the dashboard passes its latest history entry: demo data, a new contract). */
export function ContractRemindersSection({ refresh }: { refresh?: number | string }) {
  const [reminders, setReminders] = useState<ReminderView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('contracts.reminders', {})
      .then(setReminders)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load, refresh]);
  const done = (r: ReminderView) => {
    call('contracts.markReminderDone', { key: r.key, contractId: r.target.contractId })
      .then(load)
      .catch((e: unknown) => setError(errorMessage(e)));
  };
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
