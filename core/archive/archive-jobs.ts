// Archive exports run in the background of the backend process, so the UI can show progress and offer 取消 while
// the .zip is written (docs/process.md §Archive): start → poll status → done (or failed, or cancelled).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveJobStatus } from '../../shared/contract/projects-contract.js';
import type { Executor } from '../../db/database.js';
import { toRpcError } from '../error-mapping.js';
import { archiveFileName, writeProjectArchive } from './project-archive.js';
import { projectView } from '../services/project-service.js';

/** The folder of the data folder archives are written to (and served from, in browser mode). */
export const ARCHIVES_FOLDER = 'archives';
/** Finished jobs are forgotten after this many newer ones. */
const KEPT_JOBS = 20;

export class ArchiveJobs {
  private readonly jobs = new Map<string, { status: ArchiveJobStatus; cancel: AbortController }>();

  constructor(private readonly dataDir: string) {}

  start(db: Executor, projectId: string, now: Date): string {
    const view = projectView(db, projectId);
    const dir = join(this.dataDir, ARCHIVES_FOLDER);
    const fileName = archiveFileName(view);
    const jobId = randomUUID();
    const cancel = new AbortController();
    const job = { status: { state: 'running', done: 0, total: 0, current: '', fileName } as ArchiveJobStatus, cancel };
    this.jobs.set(jobId, job);
    this.forgetOld();
    const run = async () => {
      mkdirSync(dir, { recursive: true });
      const result = await writeProjectArchive(db, projectId, join(dir, fileName), {
        now,
        signal: cancel.signal,
        onProgress: (p) => (job.status = { ...job.status, ...p }),
      });
      job.status = { ...job.status, state: 'done', path: result.path, size: result.size, files: result.index.length };
    };
    run().catch((e: unknown) => {
      job.status = cancel.signal.aborted ? { ...job.status, state: 'cancelled' } : { ...job.status, state: 'failed', message: toRpcError(e).message };
    });
    return jobId;
  }

  status(jobId: string): ArchiveJobStatus | undefined {
    return this.jobs.get(jobId)?.status;
  }

  cancel(jobId: string): void {
    this.jobs.get(jobId)?.cancel.abort();
  }

  private forgetOld(): void {
    const finished = [...this.jobs].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) this.jobs.delete(id);
  }
}
