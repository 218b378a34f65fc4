import type { systemContract } from '../../shared/contract/system-contract.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';

export function systemHandlers(wb: Workbench): HandlersFor<typeof systemContract> {
  return {
    'system.status': () => wb.status(),
    'system.startFresh': () => {
      wb.startFresh();
      return wb.status();
    },
  };
}
