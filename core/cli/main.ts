// `workbench` / `npm run cli -- <command>`: the core router for agency IT and scripted work.
import { Command, CommanderError } from 'commander';
import { resolveDataDir } from '../data-paths.js';
import { Workbench } from '../workbench.js';
import { createWorkbenchRouter } from '../create-handlers.js';
import { registerCommands } from './commands.js';
import { CliExit, CliFailure } from './cli-failure.js';

async function main(argv: string[]): Promise<number> {
  let wb: Workbench | null = null;
  const openWorkbench = () => {
    wb ??= new Workbench({ dataDir: resolveDataDir(), shell: 'cli', actor: '命令行' }).open();
    return { wb, router: createWorkbenchRouter(wb) };
  };
  const program = new Command()
    .name('workbench')
    .description('孵化器培育服务工作台 命令行（数据文件夹由 WORKBENCH_DATA_DIR 指定）')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program, openWorkbench);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof CliExit) return e.exitCode;
    process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof CliFailure ? e.exitCode : 1;
  } finally {
    (wb as Workbench | null)?.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
