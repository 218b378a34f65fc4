// `verify.*`: the 校验文件 screen's calls (docs/check-code.md).
import type { verifyContract } from '../../shared/contract/verify-contract.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { verifyCheckCode, verifyDocxFile } from './verify-service.js';

export function verifyHandlers(wb: Workbench): HandlersFor<typeof verifyContract> {
  return {
    'verify.file': ({ base64 }) => verifyDocxFile(wb.database.db, Buffer.from(base64, 'base64')),
    'verify.code': ({ code, revision }) => verifyCheckCode(wb.database.db, code, revision),
  };
}
