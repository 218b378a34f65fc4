import type { agencyContract} from '../../shared/contract/agency-contract.js';
import { type AgencyView } from '../../shared/contract/agency-contract.js';
import { type AgencyProfile, checkAgencyProfile, checkAgencyQualification } from '../../shared/domain/agency.js';
import { AppError } from '../../shared/rpc/result.js';
import { readAgencyProfile, saveAgencyProfile } from '../../db/repositories/agency-repository.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';

function view(profile: AgencyProfile): AgencyView {
  return { profile, qualification: checkAgencyQualification(profile) };
}

export function agencyHandlers(wb: Workbench): HandlersFor<typeof agencyContract> {
  return {
    'agency.get': () => view(readAgencyProfile(wb.database.db)),
    'agency.save': (profile) => {
      const issues = checkAgencyProfile(profile);
      if (issues.length > 0) {
        throw new AppError('validation', issues[0]!.message, { field: issues[0]!.field, issues });
      }
      return view(saveAgencyProfile(wb.database.db, wb.changeContext(), profile));
    },
  };
}
