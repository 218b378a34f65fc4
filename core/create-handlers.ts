import { createRouter, type Handlers, type Router } from './router.js';
import type { Workbench } from './workbench.js';
import { systemHandlers } from './services/system-service.js';
import { incubatorHandlers } from './services/incubator-service.js';
import { agencyHandlers } from './services/agency-service.js';
import { dataHandlers } from './services/data-service.js';
import { documentHandlers } from './services/document-service.js';
import { historyHandlers } from './services/history-service.js';
import { ruleSetHandlers } from './services/rule-set-service.js';
import { syncHandlers } from './sync/sync-service.js';
import { contractHandlers } from './services/contract-service.js';
import { portfolioHandlers } from './services/portfolio-handlers.js';
import { verifyHandlers } from './verify/verify-handlers.js';
import { projectHandlers } from './services/project-service.js';
import { projectArchiveHandlers } from './archive/archive-handlers.js';
import { profileHandlers } from './services/profile-service.js';

export function createHandlers(wb: Workbench): Handlers {
  return {
    ...systemHandlers(wb),
    ...incubatorHandlers(wb),
    ...agencyHandlers(wb),
    ...dataHandlers(wb),
    ...documentHandlers(wb),
    ...historyHandlers(wb),
    ...ruleSetHandlers(wb),
    ...syncHandlers(wb),
    ...contractHandlers(wb),
    ...portfolioHandlers(wb),
    ...verifyHandlers(wb),
    ...projectHandlers(wb),
    ...projectArchiveHandlers(wb),
    ...profileHandlers(wb),
  };
}

/** The core router over one workbench: what IPC, HTTP and the command line all call. */
export function createWorkbenchRouter(wb: Workbench): Router {
  return createRouter(createHandlers(wb));
}
