// `npm run server` starts the sync server; `npm run server -- admin …` manages agencies, users and devices.
import { Command, CommanderError } from 'commander';
import { plainHttpWarning, readServerConfig } from './config.js';
import { safeError } from './log-safety.js';
import { openServerDb } from './db/connect.js';
import { buildSyncServer } from './app.js';
import { addUser, createAgency, disableUser, enableUser, listDevices, resetPassword, revokeDevice } from './auth/accounts.js';
import { validatePassword } from './auth/passwords.js';
import { compactTombstones } from './sync/pull.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from './db/connect.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function passwordFromStdin(flag: boolean | undefined): Promise<string> {
  if (!flag) throw new Error('请用 --password-stdin 从标准输入提供密码（不要把密码写在命令行里）。');
  const password = await readStdin();
  const problem = validatePassword(password);
  if (problem) throw new Error(problem);
  return password;
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openServerDb>>['db']) => Promise<T>): Promise<T> {
  const opened = await openServerDb(readServerConfig().db);
  try {
    return await fn(opened.db);
  } finally {
    await opened.close();
  }
}

async function serve(): Promise<void> {
  const config = readServerConfig();
  const opened = await openServerDb(config.db);
  // Test hook (sync.md test 3), only when the variable is set: die by SIGKILL at one statement boundary of a push.
  const crashAt = process.env.SYNC_TEST_CRASH_AT;
  const warning = plainHttpWarning(config.host);
  if (warning) console.warn(warning);
  const app = await buildSyncServer({
    db: opened.db,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel },
    ...(crashAt ? { checkpoint: (name: string) => void (name === crashAt && process.kill(process.pid, 'SIGKILL')) } : {}),
  });
  const url = await app.listen({ host: config.host, port: config.port });
  // The one line a launcher (or a test) reads to know where we are.
  console.log(`同步服务器已启动：${url}（数据库：${opened.describe}）`);
  const stop = async () => {
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function adminCommands(program: Command): void {
  const admin = program.command('admin').description('管理服务机构、用户和设备（数据设置同服务器：DATABASE_URL 或 SERVER_DATA_DIR）');
  admin
    .command('create-agency')
    .argument('<name>', '服务机构名称')
    .requiredOption('--user <login>', '第一个用户的登录名')
    .option('--password-stdin', '从标准输入读取密码')
    .description('创建服务机构及其第一个用户')
    .action(async (name: string, opts: { user: string; passwordStdin?: boolean }) => {
      const password = await passwordFromStdin(opts.passwordStdin);
      const r = await withDb((db) => createAgency(db, name, opts.user, password));
      console.log(`已创建服务机构「${name}」（${r.agencyId}）和用户 ${opts.user}。`);
    });
  admin
    .command('add-user')
    .argument('<agency>', '服务机构名称')
    .requiredOption('--user <login>', '登录名')
    .option('--password-stdin', '从标准输入读取密码')
    .description('给服务机构添加用户')
    .action(async (agency: string, opts: { user: string; passwordStdin?: boolean }) => {
      const password = await passwordFromStdin(opts.passwordStdin);
      await withDb((db) => addUser(db, agency, opts.user, password));
      console.log(`已添加用户 ${opts.user}。`);
    });
  admin
    .command('reset-password')
    .requiredOption('--user <login>', '登录名')
    .option('--password-stdin', '从标准输入读取新密码')
    .description('重设密码（该用户所有设备需重新登录）')
    .action(async (opts: { user: string; passwordStdin?: boolean }) => {
      const password = await passwordFromStdin(opts.passwordStdin);
      const revoked = await withDb((db) => resetPassword(db, opts.user, password));
      console.log(`已重设 ${opts.user} 的密码，停用了 ${revoked} 台设备的登录。`);
    });
  admin
    .command('revoke-device')
    .option('--device <id>', '设备编号（见 list-devices）')
    .option('--user <login>', '停用该用户的所有设备')
    .description('停用设备的同步令牌')
    .action(async (opts: { device?: string; user?: string }) => {
      if (!opts.device && !opts.user) throw new Error('请指定 --device <编号> 或 --user <登录名>。');
      const n = await withDb((db) => revokeDevice(db, { ...(opts.device ? { deviceId: opts.device } : {}), ...(opts.user ? { login: opts.user } : {}) }));
      console.log(n > 0 ? `已停用 ${n} 台设备。` : '没有找到可停用的设备。');
    });
  admin
    .command('disable-user')
    .requiredOption('--user <login>', '登录名')
    .description('停用用户：立即停用其所有设备，并拒绝其登录（可用 enable-user 恢复）')
    .action(async (opts: { user: string }) => {
      const revoked = await withDb((db) => disableUser(db, opts.user));
      console.log(`已停用用户 ${opts.user}，停用了 ${revoked} 台设备的登录。`);
    });
  admin
    .command('enable-user')
    .requiredOption('--user <login>', '登录名')
    .description('恢复被停用的用户（其设备需重新登录）')
    .action(async (opts: { user: string }) => {
      await withDb((db) => enableUser(db, opts.user));
      console.log(`已恢复用户 ${opts.user}，可重新登录。`);
    });
  admin
    .command('list-devices')
    .description('列出设备')
    .action(async () => {
      const list = await withDb((db) => listDevices(db));
      for (const d of list) console.log(`${d.id}\t${d.login}\t${d.name}\t${d.revoked ? '已停用' : '有效'}`);
      if (list.length === 0) console.log('（没有设备）');
    });
  admin
    .command('compact')
    .option('--days <n>', '删除多少天以前的删除标记', '90')
    .description('清理旧的删除标记（更早同步过的设备会自动重新下载）')
    .action(async (opts: { days: string }) => {
      const before = new Date(Date.now() - Number(opts.days) * 86_400_000);
      const n = await withDb(async (db) => {
        const agencies = rowsOf<{ id: string }>(await db.execute(sql`select id from agencies`));
        let total = 0;
        for (const a of agencies) total += await compactTombstones(db, a.id, before);
        return total;
      });
      console.log(`已清理 ${n} 条删除标记。`);
    });
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('workbench-sync-server')
    .description('孵化器培育服务工作台 同步服务器（PORT、HOST、DATABASE_URL、SERVER_DATA_DIR）')
    .exitOverride()
    .action(serve);
  adminCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    // A failed query's own message carries its parameters (a password hash on a duplicate login): print the kind only.
    const safe = safeError(e);
    const duplicate = safe.code === '23505';
    process.stderr.write(`错误：${duplicate ? `已存在同名记录（${safe.constraint ?? safe.table ?? ''}），未做修改。` : e instanceof Error && !(e as { cause?: unknown }).cause ? e.message : safe.message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  // `serve` keeps running; admin commands end here.
  if (code !== 0) process.exit(code);
});
