import type { incubatorContract } from '../../shared/contract/incubator-contract.js';
import { checkIncubator, incubatorLabel, type IncubatorField } from '../../shared/domain/incubator.js';
import { AppError } from '../../shared/rpc/result.js';
import {
  deleteIncubator,
  getIncubator,
  listIncubators,
  saveIncubator,
} from '../../db/repositories/incubator-repository.js';
import { RowNotFound } from '../../db/errors.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { incubatorSearchText } from './search-text.js';
import { assertNoDuplicates } from './incubator-duplicates.js';

export function incubatorHandlers(wb: Workbench): HandlersFor<typeof incubatorContract> {
  return {
    'incubators.list': ({ query }) => listIncubators(wb.database.db, query),

    'incubators.get': ({ id }) => {
      const found = getIncubator(wb.database.db, id);
      if (!found) throw new RowNotFound('incubators', id);
      return found;
    },

    'incubators.save': ({ id, values, confirmedWarnings }) => {
      const { normalized, issues } = checkIncubator(values);
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        const first = errors[0]!;
        throw new AppError('validation', `「${incubatorLabel(first.field as IncubatorField)}」${first.message}`, {
          field: first.field,
          issues,
        });
      }
      const unconfirmed = issues.filter((i) => i.severity === 'warning' && !confirmedWarnings.includes(i.field));
      if (unconfirmed.length > 0) {
        throw new AppError('needs-confirmation', '有需要确认的提醒，请核实后勾选“已核实”再保存。', {
          field: unconfirmed[0]!.field,
          issues: unconfirmed,
        });
      }
      // better-sqlite3 runs each call to its end on one connection: nothing writes between this check and the save.
      assertNoDuplicates(wb.database.db, normalized, wb.now(), { ...(id ? { id } : {}), confirmed: confirmedWarnings });
      return saveIncubator(wb.database.db, wb.changeContext(), {
        ...(id ? { id } : {}),
        values: normalized,
        searchText: incubatorSearchText(normalized),
      });
    },

    'incubators.delete': ({ id }) => ({ auditId: deleteIncubator(wb.database.db, wb.changeContext(), id) }),
  };
}
