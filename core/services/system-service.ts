import type { systemContract } from '../../shared/contract/system-contract.js';
import { AppError } from '../../shared/rpc/result.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';

export function systemHandlers(wb: Workbench): HandlersFor<typeof systemContract> {
  return {
    'system.status': () => wb.status(),
    'system.startFresh': () => {
      // Recovery only: on a healthy database this would set all the user's data aside and show an empty app.
      if (wb.status().database.state === 'ready') {
        throw new AppError('validation', '数据库运行正常，无需重新开始。如需清空数据，请先在“数据备份”中备份。');
      }
      wb.startFresh();
      return wb.status();
    },
  };
}
