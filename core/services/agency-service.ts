import type { agencyContract} from '../../shared/contract/agency-contract.js';
import { type AgencyView } from '../../shared/contract/agency-contract.js';
import { type AgencyProfile, agencyProfileFields, checkAgencyProfile, checkAgencyQualification } from '../../shared/domain/agency.js';
import { labelIn } from '../../shared/forms/values-schema.js';
import { AppError } from '../../shared/rpc/result.js';
import { readAgencyProfile, saveAgencyProfile } from '../../db/repositories/agency-repository.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';

function agencyLabel(field: string): string {
  return field.startsWith('staff.') ? '服务人员' : labelIn(agencyProfileFields, field);
}

function view(profile: AgencyProfile): AgencyView {
  return { profile, qualification: checkAgencyQualification(profile) };
}

export function agencyHandlers(wb: Workbench): HandlersFor<typeof agencyContract> {
  return {
    'agency.get': () => view(readAgencyProfile(wb.database.db)),
    'agency.save': (profile) => {
      // Errors refuse the save, with the message next to each field; warnings (a code outside Guangxi) do not.
      const { normalized, issues } = checkAgencyProfile(profile);
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        const first = errors[0]!;
        throw new AppError('validation', `「${agencyLabel(first.field)}」${first.message}`, { field: first.field, issues });
      }
      return view(saveAgencyProfile(wb.database.db, wb.changeContext(), { ...normalized, staff: profile.staff }));
    },
  };
}
