import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { MethodName, Output, Input } from '../../shared/contract/index.js';
import type { Router } from '../router.js';
import type { Workbench } from '../workbench.js';
import { writeBackupTo } from '../../db/backups.js';
import { restoreDatabaseFrom } from '../services/restore-service.js';
import { CliFailure } from './cli-failure.js';
import { registerSyncCommands } from './sync-commands.js';
import { registerExportCommand } from './export-command.js';
import { registerVerifyCommand } from './verify-command.js';

type Open = () => { wb: Workbench; router: Router };

async function call<M extends MethodName>(router: Router, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await router.dispatch(method, input);
  if (!result.ok) throw new CliFailure(result.error.message);
  return result.value as Output<M>;
}

function requireReady(wb: Workbench): void {
  const status = wb.status();
  if (status.database.state === 'problem') {
    throw new CliFailure(`${status.database.message}\n可用 \`workbench restore <备份文件>\` 从备份恢复。`);
  }
}

export function registerCommands(program: Command, open: Open): void {
  program
    .command('demo')
    .description('向工作台加载示例孵化器（已存在的不会重复添加）')
    .action(async () => {
      const { wb, router } = open();
      requireReady(wb);
      const r = await call(router, 'demo.load', {});
      console.log(`已添加 ${r.created} 个示例孵化器${r.skipped ? `，${r.skipped} 个已存在未重复添加` : ''}。`);
    });

  program
    .command('incubators')
    .description('列出孵化器')
    .option('--json', '以 JSON 输出')
    .option('-s, --search <text>', '按名称、信用代码、运营机构或拼音首字母筛选', '')
    .action(async (opts: { json?: boolean; search: string }) => {
      const { wb, router } = open();
      requireReady(wb);
      const list = await call(router, 'incubators.list', { query: opts.search });
      if (opts.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) console.log('（没有孵化器）');
      for (const i of list) console.log(`${i.name}\t${i.creditCode}\t${i.operator}\t${i.incubatorType ?? ''}`);
    });

  program
    .command('reminders')
    .description('列出合同提醒（生效、续签期、分期款到期与逾期），已处理的不列出')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const { wb, router } = open();
      requireReady(wb);
      const list = await call(router, 'contracts.reminders', {});
      if (opts.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) console.log('（没有待处理的合同提醒）');
      for (const r of list) console.log(`${r.date}\t${r.incubatorName}\t${r.message}`);
    });

  program
    .command('backup')
    .description('把当前数据库备份到指定文件')
    .argument('<file>', '备份文件路径（不能已存在）')
    .action((file: string) => {
      const { wb } = open();
      requireReady(wb);
      const target = resolve(file);
      try {
        writeBackupTo(wb.database.sqlite, target);
      } catch (e) {
        throw new CliFailure(`备份失败：${(e as Error).message}`);
      }
      console.log(`已备份到 ${target}`);
    });

  program
    .command('restore')
    .description('从备份文件恢复数据库（当前数据库先另存为一份备份）')
    .argument('<file>', '备份文件路径')
    .action((file: string) => {
      const { wb } = open();
      const result = restoreDatabaseFrom(wb, resolve(file));
      console.log(`已从 ${result.restoredFrom} 恢复。${result.keptAs ? `恢复前的数据已保存为 ${result.keptAs}。` : ''}`);
    });

  registerExportCommand(program, open);
  registerVerifyCommand(program, open);
  registerSyncCommands(program, open);
}
