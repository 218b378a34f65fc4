import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/contract/documents-contract.js';
import { DOCUMENT_DEFINITIONS, DOCUMENT_KINDS, type DocumentKind } from '../../shared/forms/registry.js';
import { findIncubatorByName, getIncubator } from '../../db/repositories/incubator-repository.js';
import { getDocument, latestDocumentOf, listDocuments } from '../../db/repositories/document-repository.js';
import { revisionChain } from '../../shared/forms/revision-chain.js';
import type { Router } from '../router.js';
import type { Workbench } from '../workbench.js';
import { exportDocumentFile } from '../services/document-export-service.js';
import { CliFailure } from './cli-failure.js';
import { registerArchiveCommand } from './archive-command.js';
import { exportPortfolio } from '../services/portfolio-service.js';
import { localIsoDate } from '../services/document-service.js';

type Open = () => { wb: Workbench; router: Router };

/**
 * `export <kind> --incubator <name|id> --format docx|xlsx --out <file>`: the latest document of that kind of the
 * incubator, one sub-command per registered document kind (`export diagnosis …`).
 */
export function registerExportCommand(program: Command, open: Open): void {
  const exportCommand = program.command('export').description('导出文档');
  for (const kind of DOCUMENT_KINDS) registerKind(exportCommand, open, kind);
  registerPortfolio(exportCommand, open);
  registerArchiveCommand(exportCommand, open);
}

/** `export portfolio --format xlsx --out <file>`: every incubator's latest figures in one workbook. */
function registerPortfolio(exportCommand: Command, open: Open): void {
  exportCommand
    .command('portfolio')
    .description('导出全部孵化器的培育工作汇总表（Excel）')
    .option('-f, --format <format>', '文件格式：xlsx', 'xlsx')
    .requiredOption('-o, --out <file>', '输出文件路径')
    .action(async (opts: { format: string; out: string }) => {
      const { wb } = open();
      const status = wb.status();
      if (status.database.state === 'problem') throw new CliFailure(status.database.message);
      if (opts.format !== 'xlsx') throw new CliFailure(`汇总表只能导出为 xlsx，不支持“${opts.format}”。`);
      const bytes = await exportPortfolio(wb.database.db, { today: localIsoDate(wb.now()) });
      writeOut(opts.out, bytes);
      console.log(`已导出培育工作汇总表到 ${resolve(opts.out)}`);
    });
}

function writeOut(out: string, bytes: Uint8Array): string {
  const target = resolve(out);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  } catch (e) {
    throw new CliFailure(`无法写入 ${target}：${(e as Error).message}`);
  }
  return target;
}

function registerKind(exportCommand: Command, open: Open, kind: DocumentKind): void {
  const def = DOCUMENT_DEFINITIONS[kind];
  exportCommand
    .command(kind)
    .description(`导出某个孵化器最近一份${def.shortName}（${def.tableNumber}）`)
    .requiredOption('-i, --incubator <name|id>', '孵化器名称或 id')
    .requiredOption('-f, --format <format>', `文件格式：${EXPORT_FORMATS.join(' 或 ')}`)
    .requiredOption('-o, --out <file>', '输出文件路径')
    .option('-r, --revision <n>', '导出第 n 版（默认最新一版）')
    .option('--allow-errors', '数据仍有错误时也导出（文件每页标注「草稿」）')
    .action(async (opts: { incubator: string; format: string; out: string; revision?: string; allowErrors?: boolean }) => {
      const { wb } = open();
      const status = wb.status();
      if (status.database.state === 'problem') throw new CliFailure(status.database.message);
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new CliFailure(`不支持的格式“${opts.format}”，请使用 ${EXPORT_FORMATS.join(' 或 ')}。`);
      }
      const { db } = wb.database;
      const incubator = getIncubator(db, opts.incubator) ?? findIncubatorByName(db, opts.incubator);
      if (!incubator) throw new CliFailure(`找不到孵化器“${opts.incubator}”。可用 \`workbench incubators\` 查看名称。`);
      const latest = latestDocumentOf(db, kind, incubator.id);
      if (!latest) throw new CliFailure(`孵化器“${incubator.name}”还没有${def.shortName}。`);
      // The revisions of the latest document: its newest by default, or the one asked for.
      const chain = revisionChain(listDocuments(db, kind, incubator.id), latest.id);
      const wanted = opts.revision === undefined ? chain.at(-1) : chain.find((d) => String(d.revision) === opts.revision?.trim());
      if (!wanted) {
        throw new CliFailure(`“${incubator.name}”的${def.shortName}没有第 ${opts.revision} 版（现有：${chain.map((d) => `第 ${d.revision} 版`).join('、')}）。`);
      }
      const document = getDocument(db, kind, wanted.id)!;
      let file;
      try {
        file = await exportDocumentFile(db, document, opts.format as ExportFormat, opts.allowErrors ?? false);
      } catch (e) {
        throw new CliFailure(`${(e as Error).message}${opts.allowErrors ? '' : '（如仍要导出，请加 --allow-errors）'}`);
      }
      const target = writeOut(opts.out, file.bytes);
      const date = document.values[def.dateField];
      const revision = document.revision > 1 ? `（第 ${document.revision} 版）` : '';
      console.log(`已导出「${incubator.name}」${typeof date === 'string' ? date : ''} 的${def.shortName}${revision}到 ${target}`);
    });
}
