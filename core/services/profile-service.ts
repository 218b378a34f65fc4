// The incubator profile (企业画像, docs/process.md §Profile): what one incubator is, how its key figures moved across
// its diagnoses and evaluations, its documents and its cultivation projects — read from the repositories, the figures
// from each document's check, so only values that passed their field's check are charted.
import type { IncubatorProfile, profileContract } from '../../shared/contract/profile-contract.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import { checkDocument } from '../../shared/forms/document-check.js';
import { DOCUMENT_KINDS, definitionOf } from '../../shared/forms/registry.js';
import { prefillRecord } from '../../shared/forms/prefill.js';
import { type Column, inColumn } from '../../shared/forms/appendix-d/evaluation-metrics.js';
import { type FigureObservation, PROFILE_FIGURES, profileSeries } from '../../shared/process/profile-series.js';
import { RECORD_KINDS } from '../../shared/process/record-kinds.js';
import { getDocument, listDocuments } from '../../db/repositories/document-repository.js';
import { listProjects, recordsOf } from '../../db/repositories/project-repository.js';
import type { Executor } from '../../db/database.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { printedRecords, requireIncubator } from './document-model-service.js';
import { isSignedDocument, summaryOf } from './project-service.js';

/** The checked figures of a document: valid numbers and unrounded computed values, by key. */
function checkedFigures(db: Executor, record: DocumentRecord): Record<string, number | null> {
  const check = checkDocument(definitionOf(record.kind), { values: record.values, lists: record.lists, header: printedRecords(db, record).header });
  return { ...check.numbers, ...check.computed };
}

/** One evaluation column's figures under their shared keys (`totalAreaAfter` → `totalArea`). */
function columnFigures(figures: Record<string, number | null>, column: Column): Record<string, number | null> {
  return Object.fromEntries(PROFILE_FIGURES.map((f) => [f.key, figures[inColumn(f.key, column)] ?? null]));
}

/**
 * The observations of the incubator's current documents (a superseded revision gives way to its revision): a
 * diagnosis on its date; an evaluation's 培育后 on its date, its 培育前 on the date of the diagnosis it was
 * prefilled from (undated, hence not charted, when typed without one).
 */
function observations(db: Executor, incubatorId: string): FigureObservation[] {
  const current = (kind: 'diagnosis' | 'evaluation') =>
    listDocuments(db, kind, incubatorId)
      .filter((d) => d.supersededBy === null)
      .flatMap((d) => {
        const record = getDocument(db, kind, d.id);
        return record ? [{ record, date: d.date }] : [];
      });
  const diagnoses = current('diagnosis').map(({ record, date }): FigureObservation => ({ date, source: 'diagnosis', documentId: record.id, values: checkedFigures(db, record) }));
  const evaluations = current('evaluation').flatMap(({ record, date }): FigureObservation[] => {
    const figures = checkedFigures(db, record);
    return [
      { date: prefillRecord(record.values)?.date ?? null, source: 'evaluationBefore', documentId: record.id, values: columnFigures(figures, 'Before') },
      { date, source: 'evaluationAfter', documentId: record.id, values: columnFigures(figures, 'After') },
    ];
  });
  return [...diagnoses, ...evaluations];
}

export function incubatorProfile(db: Executor, id: string): IncubatorProfile {
  const incubator = requireIncubator(db, id);
  const documents = DOCUMENT_KINDS.flatMap((kind) =>
    listDocuments(db, kind, id).map((d) => ({
      id: d.id,
      kind,
      date: d.date,
      status: d.status,
      signed: isSignedDocument(db, d),
      revision: d.revision,
      supersededBy: d.supersededBy?.revision ?? null,
    })),
  );
  const projects = listProjects(db, id).map((p) => {
    const records = recordsOf(db, p.id);
    const { stagesDone } = summaryOf(db, p, incubator.name);
    return {
      id: p.id,
      name: p.name,
      startedOn: p.startedOn,
      stage: p.stage,
      stagesDone,
      closedOn: p.closedOn,
      records: RECORD_KINDS.flatMap((kind) => {
        const count = records.filter((r) => r.kind === kind).length;
        return count > 0 ? [{ kind, count }] : [];
      }),
    };
  });
  return { incubator, figures: profileSeries(observations(db, id)), documents, projects };
}

export function profileHandlers(wb: Workbench): HandlersFor<typeof profileContract> {
  return {
    'incubators.profile': ({ id }) => incubatorProfile(wb.database.db, id),
  };
}
