import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/contract/diagnosis-contract.js';
import { findIncubatorByName, getIncubator } from '../../db/repositories/incubator-repository.js';
import { latestDiagnosisOf } from '../../db/repositories/diagnosis-repository.js';
import type { Router } from '../router.js';
import type { Workbench } from '../workbench.js';
import { exportDiagnosisFile } from '../services/diagnosis-export-service.js';
import { CliFailure } from './cli-failure.js';

type Open = () => { wb: Workbench; router: Router };

/** `export diagnosis --incubator <name|id> --format docx|xlsx --out <file>`: the latest diagnosis of that incubator. */
export function registerExportCommand(program: Command, open: Open): void {
  const exportCommand = program.command('export').description('导出文档');
  exportCommand
    .command('diagnosis')
    .description('导出某个孵化器最近一次的诊断意见表（表A.1）')
    .requiredOption('-i, --incubator <name|id>', '孵化器名称或 id')
    .requiredOption('-f, --format <format>', `文件格式：${EXPORT_FORMATS.join(' 或 ')}`)
    .requiredOption('-o, --out <file>', '输出文件路径')
    .action(async (opts: { incubator: string; format: string; out: string }) => {
      const { wb } = open();
      const status = wb.status();
      if (status.database.state === 'problem') throw new CliFailure(status.database.message);
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new CliFailure(`不支持的格式“${opts.format}”，请使用 ${EXPORT_FORMATS.join(' 或 ')}。`);
      }
      const { db } = wb.database;
      const incubator = getIncubator(db, opts.incubator) ?? findIncubatorByName(db, opts.incubator);
      if (!incubator) throw new CliFailure(`找不到孵化器“${opts.incubator}”。可用 \`workbench incubators\` 查看名称。`);
      const diagnosis = latestDiagnosisOf(db, incubator.id);
      if (!diagnosis) throw new CliFailure(`孵化器“${incubator.name}”还没有诊断意见表。`);
      const file = await exportDiagnosisFile(db, diagnosis, opts.format as ExportFormat);
      const target = resolve(opts.out);
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.bytes);
      } catch (e) {
        throw new CliFailure(`无法写入 ${target}：${(e as Error).message}`);
      }
      console.log(`已导出「${incubator.name}」${diagnosis.diagnosedOn ?? ''} 的诊断意见表到 ${target}`);
    });
}
