// The demo's signed diagnosis (docs/signature-images.md §Demo): 柳州's latest diagnosis signed by both sides with
// drawn signatures, so its Word and Excel files show how signatures print. The strokes are drawn from the signers'
// names (core/signatures/drawn-stroke.ts): the same every time, stored once.
import { AppError } from '../../shared/rpc/result.js';
import { definitionOf } from '../../shared/forms/registry.js';
import type { WorkbenchDb } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { findIncubatorByName } from '../../db/repositories/incubator-repository.js';
import { latestDocumentOf } from '../../db/repositories/document-repository.js';
import { readSideSignatures } from '../../db/repositories/side-signature-repository.js';
import { drawnSignaturePng } from '../signatures/drawn-stroke.js';
import { checkSides, signWithSides } from './side-signature-service.js';
import { signedStateOf } from './document-signing-service.js';

export const DEMO_SIGNED_DIAGNOSIS = {
  incubator: '柳州汽车零部件专业孵化器',
  signedOn: '2025-06-05',
  signers: { agency: '黄敏', incubator: '覃建华' },
} as const;

/**
 * Signs the demo diagnosis with both sides' drawn signatures, unless it is signed, has sides already, or is not
 * complete. Signing may be refused (this build signs only documents the sync server holds): the diagnosis is then
 * left as it was, unsigned and without sides. Returns whether it signed.
 */
export async function signDemoDiagnosis(db: WorkbenchDb, ctx: ChangeContext): Promise<boolean> {
  const incubator = findIncubatorByName(db, DEMO_SIGNED_DIAGNOSIS.incubator);
  const record = incubator ? latestDocumentOf(db, 'diagnosis', incubator.id) : undefined;
  if (!record || record.status !== 'completed' || signedStateOf(db, 'diagnosis', record.id) || readSideSignatures(db, record.id).length > 0) return false;
  const sides = await checkSides(
    definitionOf('diagnosis'),
    await Promise.all(
      Object.entries(DEMO_SIGNED_DIAGNOSIS.signers).map(async ([side, name]) => ({
        side,
        method: 'drawn' as const,
        signerName: name,
        signedOn: DEMO_SIGNED_DIAGNOSIS.signedOn,
        signature: (await drawnSignaturePng(name)).toString('base64'),
        seal: null,
      })),
    ),
  );
  try {
    signWithSides(db, ctx, 'diagnosis', record.id, sides);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.kind === 'conflict') return false;
    throw e;
  }
}
