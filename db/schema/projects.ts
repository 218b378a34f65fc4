import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PROJECT_STAGES } from '../../shared/process/stages.js';
import { RECORD_KINDS } from '../../shared/process/record-kinds.js';
import { syncColumns } from './sync-columns.js';

/**
 * A cultivation project (培育项目, docs/process.md): one engagement with one incubator, from the first talk to the
 * last follow-up. `stage` is where it stands now; how it got there is in `project_stage_moves`. Its documents are
 * the incubator's documents dated from `started_on` until the incubator's next project starts (§Documents of a
 * project), so documents need no column of their own and a project can be opened after the diagnosis was written.
 */
export const cultivationProjects = sqliteTable(
  'cultivation_projects',
  {
    ...syncColumns(),
    incubatorId: text('incubator_id').notNull(),
    name: text('name').notNull(),
    startedOn: text('started_on').notNull(),
    stage: text('stage', { enum: PROJECT_STAGES }).notNull().default('outreach'),
    /** When the project was closed (after 服务改进); null while it runs. */
    closedOn: text('closed_on'),
    notes: text('notes').notNull().default(''),
  },
  (t) => [index('cultivation_projects_incubator_idx').on(t.incubatorId)],
);

/**
 * Every stage move, appended and never edited (like the contract's lifecycle moves): two devices moving one project
 * at once both keep their move in the history, and an out-of-order move keeps its reason.
 */
export const projectStageMoves = sqliteTable(
  'project_stage_moves',
  {
    ...syncColumns(),
    projectId: text('project_id').notNull(),
    fromStage: text('from_stage', { enum: PROJECT_STAGES }),
    toStage: text('to_stage', { enum: PROJECT_STAGES }).notNull(),
    /** ISO date of the move. */
    date: text('date').notNull(),
    reason: text('reason').notNull().default(''),
    outOfOrder: integer('out_of_order', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('project_stage_moves_project_idx').on(t.projectId)],
);

/**
 * The records of a project (shared/process/record-kinds.ts): one table for every kind, the values one JSON map
 * keyed by the kind's field keys, synced field by field (`values.<key>`) like a document's values.
 */
export const projectRecords = sqliteTable(
  'project_records',
  {
    ...syncColumns(),
    projectId: text('project_id').notNull(),
    kind: text('kind', { enum: RECORD_KINDS }).notNull(),
    valuesJson: text('values_json').notNull().default('{}'),
  },
  (t) => [index('project_records_project_idx').on(t.projectId, t.kind)],
);
