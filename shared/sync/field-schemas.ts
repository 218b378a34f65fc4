// The schema of every synced field, per entity, from the same shared definitions the app validates with
// (docs/sync.md §Validation): the sync server checks each pushed op against it, and a client checks each pulled
// row against it before applying. An entity or field not listed here is one a newer client knows and this build
// does not: it passes (stored as it came), so an older server never refuses a newer app's data.
import { z } from 'zod';
import { incubatorHeaderFields } from '../domain/incubator.js';
import { agencyProfileFields, staffMemberSchema } from '../domain/agency.js';
import { fieldValueSchema, snapshotSchema } from '../domain/document-record.js';
import { DOCUMENT_STATUSES } from '../forms/document-definition.js';
import { DOCUMENT_DEFINITIONS } from '../forms/registry.js';
import { valuesSchemaOf } from '../forms/values-schema.js';
import { sideSignatureSchema } from '../domain/side-signature.js';
import { ruleSchema } from '../eligibility/rule-set-schema.js';
import { findUnsafeText } from '../validation/safe-text.js';
import { BLOB_REF_PATTERN, DELETED_FIELD, SIGN_PROPOSALS_ENTITY } from './protocol.js';
import { PROJECT_STAGES } from '../process/stages.js';
import { RECORD_KINDS } from '../process/record-kinds.js';
import { ATTACHMENTS_KEY, attachmentsWireSchema } from '../process/attachments.js';

/** The prefix of a document's or list item's value fields on the wire: `values.<key>`. */
export const VALUES_PREFIX = 'values.';

interface EntitySchemas {
  /** Fields by wire name. */
  fields: Record<string, z.ZodType>;
  /** The schema of every `values.<key>` field (documents and list items hold a map of field values). */
  values?: z.ZodType;
}

const nullableText = z.string().max(100_000).nullable();
const requiredText = z.string().min(1).max(200);

/** A field list's zod object, field by field, with `undefined` (a field left out) never accepted on the wire. */
function fieldsOf(shape: Record<string, z.ZodType>): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(shape).map(([k, s]): [string, z.ZodType] => [k, s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : s]));
}

function documentSchemas(): Record<string, EntitySchemas> {
  const out: Record<string, EntitySchemas> = {};
  for (const def of Object.values(DOCUMENT_DEFINITIONS)) {
    // A definition field may live in a column of its own (Appendix A's date, consultants, rule set): its wire name
    // is then the bare key, with the same value type as in the map.
    const ownColumns = Object.fromEntries(def.fields.map((f) => [f.key, fieldValueSchema]));
    out[def.entity] = {
      fields: {
        ...ownColumns,
        incubatorId: requiredText,
        status: z.enum(DOCUMENT_STATUSES),
        completedAt: nullableText,
        revisionOf: nullableText,
        revision: z.number().int().min(1).nullable(),
        revisionReason: nullableText,
        header: snapshotSchema.nullable(),
        agency: snapshotSchema.nullable(),
      },
      values: fieldValueSchema,
    };
  }
  return out;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Cultivation projects, their stage moves and records (docs/process.md). */
function projectSchemas(): Record<string, EntitySchemas> {
  return {
    cultivation_projects: {
      fields: { incubatorId: requiredText, name: requiredText, startedOn: isoDay, stage: z.enum(PROJECT_STAGES), closedOn: isoDay.nullable(), notes: z.string().max(5000) },
    },
    project_stage_moves: {
      fields: { projectId: requiredText, fromStage: z.enum(PROJECT_STAGES).nullable(), toStage: z.enum(PROJECT_STAGES), date: isoDay, reason: z.string().max(2000), outOfOrder: z.boolean() },
    },
    // A record's attachment list is one hidden value: a JSON string checked entry by entry (docs/process.md §Attachments).
    project_records: { fields: { projectId: requiredText, kind: z.enum(RECORD_KINDS), [`${VALUES_PREFIX}${ATTACHMENTS_KEY}`]: attachmentsWireSchema }, values: fieldValueSchema },
  };
}

let cache: Record<string, EntitySchemas> | null = null;

/** Built on first use: the document registry is complete by then, whichever kinds other modules added. */
function schemas(): Record<string, EntitySchemas> {
  cache ??= {
    incubators: { fields: fieldsOf(valuesSchemaOf(incubatorHeaderFields).shape) },
    agency_profile: { fields: fieldsOf(valuesSchemaOf(agencyProfileFields).shape) },
    agency_staff: { fields: { ...fieldsOf(staffMemberSchema.omit({ id: true }).shape), orderKey: requiredText } },
    rule_sets: {
      fields: {
        name: z.string().trim().min(1).max(100),
        source: z.string().max(200),
        level: z.string().max(40),
        rules: z.array(ruleSchema).max(200),
        basedOnId: z.string().max(100).nullable(),
        basedOnVersion: z.number().int().min(1).nullable(),
      },
    },
    document_items: {
      fields: { documentEntity: requiredText, documentId: requiredText, listKey: requiredText, orderKey: requiredText },
      values: fieldValueSchema,
    },
    document_item_progress: {
      fields: { documentEntity: requiredText, documentId: requiredText, listKey: requiredText },
      values: fieldValueSchema,
    },
    ...projectSchemas(),
    // Each side's signature (docs/signature-images.md): images are blob refs, accepted in any field's place.
    document_signatures: {
      fields: {
        ...fieldsOf(sideSignatureSchema.omit({ signatureRef: true, sealRef: true, paperScanRef: true }).shape),
        signatureRef: z.null(),
        sealRef: z.null(),
        paperScanRef: z.null(),
        documentEntity: requiredText,
        documentId: requiredText,
      },
    },
    [SIGN_PROPOSALS_ENTITY]: {
      fields: {
        documentEntity: requiredText,
        documentId: requiredText,
        signedVersion: z.number().int().min(0).nullable(),
        fromClient: requiredText,
        reason: z.enum(['raced', 'after-sign']),
        proposed: z.record(z.string(), z.unknown()),
        proposedAt: requiredText,
        resolvedAt: nullableText,
        resolution: z.enum(['revision', 'dismissed']).nullable(),
      },
    },
    ...documentSchemas(),
  };
  return cache;
}

/**
 * Builds the schemas now rather than on the first push or pull (the sync server at start: its first batch is then as
 * fast as the others).
 */
export function prepareWireSchemas(): void {
  schemas();
}

/** The schema of one wire field, or undefined when this build does not know the entity or the field. */
export function wireFieldSchema(entity: string, field: string): z.ZodType | undefined {
  const e = schemas()[entity];
  if (!e) return undefined;
  if (Object.hasOwn(e.fields, field)) return e.fields[field];
  if (e.values && field.startsWith(VALUES_PREFIX) && field.length > VALUES_PREFIX.length) return e.values;
  return undefined;
}

export type WireValueProblem = { kind: 'unsafe-text'; path: string } | { kind: 'invalid'; detail: string };

/** What is wrong with a value for a field (null when nothing is): unsafe text anywhere, or a schema failure. */
export function checkWireValue(entity: string, field: string, value: unknown): WireValueProblem | null {
  const unsafe = findUnsafeText(value);
  if (unsafe !== null) return { kind: 'unsafe-text', path: unsafe };
  if (field === DELETED_FIELD) return value === null || typeof value === 'string' ? null : { kind: 'invalid', detail: '删除标记无效' };
  // An attachment reference (sync.md §8) may stand in any field's place: the attachment is checked on its own.
  if (typeof value === 'string' && BLOB_REF_PATTERN.test(value)) return null;
  const schema = wireFieldSchema(entity, field);
  if (!schema) return null;
  const r = schema.safeParse(value ?? null);
  return r.success ? null : { kind: 'invalid', detail: r.error.issues[0]?.message ?? '' };
}

/** The first bad field of a whole row (a pulled row), or null. */
export function checkWireRow(entity: string, fields: Record<string, unknown>, deletedAt: string | null): { field: string; problem: WireValueProblem } | null {
  for (const [field, value] of Object.entries(fields)) {
    const problem = checkWireValue(entity, field, value);
    if (problem) return { field, problem };
  }
  const problem = checkWireValue(entity, DELETED_FIELD, deletedAt);
  return problem ? { field: DELETED_FIELD, problem } : null;
}
