// The archive methods (projects.startArchive / archiveStatus / cancelArchive): one job registry per workbench.
import type { projectArchiveContract } from '../../shared/contract/projects-contract.js';
import { AppError } from '../../shared/rpc/result.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { requireProject } from '../services/project-service.js';
import { ArchiveJobs } from './archive-jobs.js';

export function projectArchiveHandlers(wb: Workbench): HandlersFor<typeof projectArchiveContract> {
  const archives = new ArchiveJobs(wb.dataDir);
  const db = () => wb.database.db;
  return {
    'projects.startArchive': ({ id }) => ({ jobId: archives.start(db(), requireProject(db(), id).id, wb.now()) }),
    'projects.archiveStatus': ({ jobId }) => {
      const status = archives.status(jobId);
      if (!status) throw new AppError('not-found', '找不到这次导出，可能工作台已重新启动，请重新导出。');
      return status;
    },
    'projects.cancelArchive': ({ jobId }) => {
      archives.cancel(jobId);
      return { ok: true as const };
    },
  };
}
