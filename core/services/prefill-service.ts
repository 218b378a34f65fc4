// Values a new document takes from another document of its incubator (D's 培育前 from the diagnosis that started
// the cultivation): which document, whether it changed since, and taking its newer values on request only.
// The mapping and provenance are shared/forms/prefill.ts; docs/evaluation.md.
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { DocumentView } from '../../shared/contract/documents-contract.js';
import { type PrefillSourceDocument, prefillRecord } from '../../shared/forms/prefill.js';
import { definitionOf, isDocumentKind } from '../../shared/forms/registry.js';
import { latestDocumentOf } from '../../db/repositories/document-repository.js';
import type { Executor } from '../../db/database.js';
import { documentModelFor } from './document-model-service.js';

/** The latest document of the kind a definition prefills from, checked (invalid values are never taken). */
export function prefillSourceFor(db: Executor, kind: DocumentRecord['kind'], incubatorId: string): PrefillSourceDocument | null {
  const binding = definitionOf(kind).prefillFrom;
  if (!binding || !isDocumentKind(binding.fromKind)) return null;
  const source = latestDocumentOf(db, binding.fromKind, incubatorId);
  if (!source) return null;
  const date = source.values[definitionOf(binding.fromKind).dateField];
  return { id: source.id, updatedAt: source.updatedAt, date: typeof date === 'string' ? date : null, check: documentModelFor(db, source).check };
}

/** What the document's view says about its prefill: the source, and whether a newer one is there to take. */
export function prefillStateOf(db: Executor, record: DocumentRecord): DocumentView['prefill'] {
  const binding = definitionOf(record.kind).prefillFrom;
  const taken = prefillRecord(record.values);
  if (!binding || !taken || !isDocumentKind(binding.fromKind)) return null;
  const latest = latestDocumentOf(db, binding.fromKind, record.incubatorId);
  const stale = latest ? latest.id !== taken.sourceId || latest.updatedAt !== taken.updatedAt : false;
  return { sourceId: taken.sourceId || null, sourceDate: taken.date, sourceName: definitionOf(binding.fromKind).shortName, stale };
}
