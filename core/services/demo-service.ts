import { checkIncubator } from '../../shared/domain/incubator.js';
import { findIncubatorByName, saveIncubator } from '../../db/repositories/incubator-repository.js';
import { readAgencyProfile, saveAgencyProfile } from '../../db/repositories/agency-repository.js';
import type { Workbench } from '../workbench.js';
import { DEMO_AGENCY, DEMO_INCUBATORS } from './demo-data.js';
import { incubatorSearchText } from './search-text.js';
import { loadDemoDiagnoses } from './demo-diagnoses.js';
import { loadDemoContracts } from './demo-contracts.js';
import { loadDemoPlans } from './demo-plans.js';
import { loadDemoEvaluations } from './demo-evaluations.js';
import { loadDemoProject } from './demo-projects.js';

/**
 * Adds the demo incubators that are not there yet (matched by name), and the demo agency profile when the
 * agency has none. Running it twice adds nothing twice; it never changes a record the user made.
 */
export function loadDemoData(wb: Workbench): { created: number; skipped: number } {
  const { db } = wb.database;
  const ctx = wb.changeContext();
  let created = 0;
  let skipped = 0;
  // The agency first: the demo diagnoses copy its profile (their signature block prints its name).
  if (readAgencyProfile(db).name === '') saveAgencyProfile(db, ctx, DEMO_AGENCY);
  db.transaction((tx) => {
    for (const demo of DEMO_INCUBATORS) {
      if (findIncubatorByName(tx, demo.name)) {
        skipped++;
        continue;
      }
      const { normalized } = checkIncubator(demo);
      saveIncubator(tx, ctx, { values: normalized, searchText: incubatorSearchText(normalized) });
      created++;
    }
    loadDemoDiagnoses(tx, ctx);
    // After the diagnoses: each evaluation's 培育前 is prefilled from its incubator's diagnosis.
    loadDemoEvaluations(tx, ctx);
  });
  // After the diagnoses: a contract's service content quotes the incubator's latest one (§4.2.3.1).
  loadDemoContracts(wb);
  // After the contracts: a plan reads its contract's fee and service period (core/services/contract-terms-reader.ts).
  db.transaction((tx) => loadDemoPlans(tx, ctx));
  // After every document: the project's stages are complete by them.
  loadDemoProject(wb);
  return { created, skipped };
}
