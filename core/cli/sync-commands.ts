// `workbench login|sync|status`: the sync client from the command line.
import type { Command } from 'commander';
import type { Router } from '../router.js';
import type { Workbench } from '../workbench.js';
import { syncEngineFor, readSyncStatus, entityLabel } from '../sync/sync-service.js';
import { SyncNotConfigured } from '../sync/engine.js';
import { InsecureServerUrl } from '../sync/server-url.js';
import { SyncTransportError } from '../sync/transport.js';
import { CliFailure } from './cli-failure.js';

type Open = () => { wb: Workbench; router: Router };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function ready(open: Open): Workbench {
  const { wb } = open();
  const status = wb.status();
  if (status.database.state === 'problem') throw new CliFailure(status.database.message);
  return wb;
}

const STATE_LABEL: Record<string, string> = {
  'not-configured': '未登录同步服务器',
  synced: '已同步',
  pending: '有待同步的修改',
  syncing: '正在同步',
  offline: '离线',
  error: '同步出错',
};

export function registerSyncCommands(program: Command, open: Open): void {
  program
    .command('login')
    .description('登录同步服务器（密码从标准输入读取）')
    .requiredOption('--server <url>', '同步服务器地址，例如 https://sync.example.cn')
    .requiredOption('--user <login>', '登录名')
    .option('--password-stdin', '从标准输入读取密码')
    .option('--allow-http', '确认使用明文 http:// 连接其他电脑上的服务器（密码和数据不加密）')
    .action(async (opts: { server: string; user: string; passwordStdin?: boolean; allowHttp?: boolean }) => {
      if (!opts.passwordStdin) throw new CliFailure('请用 --password-stdin 从标准输入提供密码。');
      const password = await readStdin();
      const wb = ready(open);
      try {
        const r = await syncEngineFor(wb).login({ serverUrl: opts.server, login: opts.user, password, deviceName: 'cli', allowInsecure: opts.allowHttp === true });
        console.log(`已登录 ${opts.server}（服务机构：${r.agencyName}）。`);
      } catch (e) {
        if (e instanceof SyncTransportError) throw new CliFailure(e.message);
        if (e instanceof InsecureServerUrl) throw new CliFailure(`${e.message}\n确认继续请加上 --allow-http。`);
        throw e;
      }
    });

  program
    .command('sync')
    .description('立即完整同步一次：上传本机修改，下载服务器的修改')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { json?: boolean }) => {
      const wb = ready(open);
      try {
        const r = await syncEngineFor(wb).sync();
        if (opts.json) {
          console.log(JSON.stringify(r, null, 2));
          return;
        }
        console.log(`上传 ${r.pushed} 项修改（接受 ${r.applied}，冲突 ${r.conflicts.length}，被拒 ${r.rejected}，已签署锁定 ${r.locked}）。`);
        console.log(`下载 ${r.pulled} 条记录${r.refetched ? '（已重新完整下载）' : ''}；附件上传 ${r.blobsUp} 个、下载 ${r.blobsDown} 个。`);
        for (const c of r.conflicts) {
          console.log(`冲突：${entityLabel(c.entity)} ${c.rowId} 的「${c.field}」：本机 ${JSON.stringify(c.mine)}，服务器 ${JSON.stringify(c.theirs)}（已显示服务器的值，请在工作台中选择保留哪一个）`);
        }
      } catch (e) {
        if (e instanceof SyncTransportError || e instanceof SyncNotConfigured) throw new CliFailure(`同步失败：${e.message}`);
        throw e;
      }
    });

  program
    .command('status')
    .description('同步状态')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }) => {
      const wb = ready(open);
      const s = readSyncStatus(wb);
      if (opts.json) {
        console.log(JSON.stringify(s, null, 2));
        return;
      }
      console.log(`${STATE_LABEL[s.state] ?? s.state}${s.pending ? `：${s.pending} 项待同步` : ''}`);
      if (s.serverUrl) console.log(`服务器：${s.serverUrl}（${s.agencyName ?? ''}，${s.login ?? ''}）`);
      if (s.lastSyncAt) console.log(`上次同步：${s.lastSyncAt}`);
      if (s.error) console.log(`问题：${s.error.message}`);
      if (s.openConflicts) console.log(`待处理冲突：${s.openConflicts}`);
      if (s.openIssues) console.log(`未被接受的修改：${s.openIssues}`);
    });
}
