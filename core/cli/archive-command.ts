// `export archive --incubator <name|id> [--project <id>] --out <file.zip>`: a project's complete archive
// (docs/process.md §Archive), the incubator's running or latest project by default.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { findIncubatorByName, getIncubator } from '../../db/repositories/incubator-repository.js';
import { getProject, listProjects } from '../../db/repositories/project-repository.js';
import { toRpcError } from '../error-mapping.js';
import { writeProjectArchive } from '../archive/project-archive.js';
import type { Router } from '../router.js';
import type { Workbench } from '../workbench.js';
import { CliFailure } from './cli-failure.js';

type Open = () => { wb: Workbench; router: Router };

export function registerArchiveCommand(exportCommand: Command, open: Open): void {
  exportCommand
    .command('archive')
    .description('导出某个孵化器培育项目的完整档案（.zip：全部文档、记录与归档清单）')
    .requiredOption('-i, --incubator <name|id>', '孵化器名称或 id')
    .option('-p, --project <id>', '项目 id（默认：进行中或最近的项目）')
    .requiredOption('-o, --out <file>', '输出文件路径（.zip）')
    .action(async (opts: { incubator: string; project?: string; out: string }) => {
      const { wb } = open();
      const status = wb.status();
      if (status.database.state === 'problem') throw new CliFailure(status.database.message);
      const { db } = wb.database;
      const incubator = getIncubator(db, opts.incubator) ?? findIncubatorByName(db, opts.incubator);
      if (!incubator) throw new CliFailure(`找不到孵化器“${opts.incubator}”。可用 \`workbench incubators\` 查看名称。`);
      const projects = listProjects(db, incubator.id);
      const project = opts.project ? getProject(db, opts.project) : (projects.find((p) => p.closedOn === null) ?? projects[0]);
      if (!project || project.incubatorId !== incubator.id) {
        throw new CliFailure(opts.project ? `“${incubator.name}”没有编号为 ${opts.project} 的培育项目。` : `“${incubator.name}”还没有培育项目。`);
      }
      const target = resolve(opts.out);
      try {
        mkdirSync(dirname(target), { recursive: true });
        const result = await writeProjectArchive(db, project.id, target, { now: wb.now() });
        console.log(`已导出「${incubator.name}」培育项目「${project.name}」的档案（${result.index.length} 个文件，${(result.size / 1024 / 1024).toFixed(1)} MB）到 ${target}`);
      } catch (e) {
        throw new CliFailure(`无法写入 ${target}：${toRpcError(e).message}`);
      }
    });
}
