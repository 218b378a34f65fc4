// `verify <file.docx>`: which signed document of this workbench a Word file is (docs/check-code.md §Exit codes):
// 0 it is the current signed revision; 1 it matches nothing, was altered, was exported unsigned, or is a superseded
// revision; 2 it cannot be checked (not a .docx, broken, not a workbench export, no such file, database problem).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Router } from '../router.js';
import type { Workbench } from '../workbench.js';
import { UnreadableFile } from '../verify/docx-contents.js';
import { signedDate, verifyDocxFile } from '../verify/verify-service.js';
import { CliExit, CliFailure } from './cli-failure.js';

type Open = () => { wb: Workbench; router: Router };

export const VERIFY_EXIT = { match: 0, noMatch: 1, unreadable: 2 } as const;

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(resolve(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取';
    throw new CliFailure(`${why}：${resolve(file)}`, VERIFY_EXIT.unreadable);
  }
}

export function registerVerifyCommand(program: Command, open: Open): void {
  program
    .command('verify')
    .description('校验 Word 文件是否为本工作台中某份文档的签署版本（相符退出码 0，不相符或已被取代 1，无法校验 2）')
    .argument('<file>', '从工作台导出的 .docx 文件')
    .action(async (file: string) => {
      const bytes = readInput(file);
      const { wb } = open();
      const status = wb.status();
      if (status.database.state === 'problem') throw new CliFailure(status.database.message, VERIFY_EXIT.unreadable);
      let verdict;
      try {
        verdict = await verifyDocxFile(wb.database.db, bytes);
      } catch (e) {
        if (e instanceof UnreadableFile) throw new CliFailure(e.message, VERIFY_EXIT.unreadable);
        throw e;
      }
      console.log(verdict.message);
      if (verdict.outcome === 'match' || verdict.outcome === 'superseded') {
        const d = verdict.document;
        console.log(`文档：${d.kindName}`);
        console.log(`孵化器：${d.incubatorName}`);
        if (d.date) console.log(`文档日期：${d.date}`);
        console.log(`版本：第 ${d.revision} 版${verdict.outcome === 'superseded' ? `（已被第 ${verdict.supersededBy.revision} 版取代）` : ''}`);
        console.log(`签署日期：${signedDate(d)}`);
        console.log(`校验码：${d.checkCode}`);
      }
      if (verdict.outcome !== 'match') throw new CliExit(VERIFY_EXIT.noMatch);
    });
}
