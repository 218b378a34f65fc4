import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { agencyProfileFields, type AgencyProfile, type AgencyValues, type StaffMember } from '../../shared/domain/agency.js';
import { typedValues } from '../../shared/forms/values-schema.js';
import type { Executor, WorkbenchDb } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { agencyProfile, agencyStaff } from '../schema/index.js';

/** The agency profile is a single row with a fixed id, so every device of one agency edits the same row. */
export const AGENCY_PROFILE_ID = 'agency-profile';

function staffValues(s: StaffMember, orderKey: string) {
  return {
    name: s.name.trim(),
    title: s.title.trim(),
    isServiceStaff: s.isServiceStaff,
    incubatorYears: s.incubatorYears,
    phone: s.phone.trim(),
    orderKey,
  };
}

/** The profile's fields, read by the field list (one column per field, same key). */
export function readAgencyValues(db: Executor): AgencyValues {
  const row = db.select().from(agencyProfile).where(eq(agencyProfile.id, AGENCY_PROFILE_ID)).get();
  const wide: Record<string, unknown> = row ?? {};
  return typedValues(agencyProfileFields, Object.fromEntries(agencyProfileFields.map((f) => [f.key, typeof wide[f.key] === 'string' ? String(wide[f.key]) : ''])));
}

export function readAgencyProfile(db: Executor): AgencyProfile {
  const staff = db
    .select()
    .from(agencyStaff)
    .where(isNull(agencyStaff.deletedAt))
    .orderBy(asc(agencyStaff.orderKey))
    .all();
  return {
    ...readAgencyValues(db),
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      title: s.title,
      isServiceStaff: s.isServiceStaff,
      incubatorYears: s.incubatorYears,
      phone: s.phone,
    })),
  };
}

/**
 * Saves the whole profile (values already checked by the field engine; a field left out is saved empty) and its
 * staff rows (each staff member its own row), with outbox and audit, in one transaction.
 */
export function saveAgencyProfile(db: WorkbenchDb, ctx: ChangeContext, input: Partial<AgencyValues> & Pick<AgencyProfile, 'staff'>): AgencyProfile {
  return db.transaction((tx) => {
    const now = ctx.now().toISOString();
    const { staff: _staff, ...values } = input;
    const head: AgencyValues = typedValues(agencyProfileFields, values);
    const existing = tx.select().from(agencyProfile).where(eq(agencyProfile.id, AGENCY_PROFILE_ID)).get();
    if (!existing) {
      tx.insert(agencyProfile).values({ id: AGENCY_PROFILE_ID, ...head, createdAt: now, updatedAt: now }).run();
    } else {
      tx.update(agencyProfile).set({ ...head, updatedAt: now }).where(eq(agencyProfile.id, AGENCY_PROFILE_ID)).run();
    }
    recordChange(tx, ctx, {
      entity: 'agency_profile',
      rowId: AGENCY_PROFILE_ID,
      action: existing ? 'update' : 'create',
      baseVersion: existing?.version ?? 0,
      before: existing ? readAgencyValues(tx) : {},
      after: head,
      summary: `修改服务机构信息「${head.name}」`,
    });

    const current = tx.select().from(agencyStaff).where(isNull(agencyStaff.deletedAt)).all();
    const keep = new Set<string>();
    input.staff.forEach((member, index) => {
      const orderKey = String(index).padStart(6, '0');
      const values = staffValues(member, orderKey);
      const found = member.id ? current.find((c) => c.id === member.id) : undefined;
      if (found) {
        keep.add(found.id);
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...before } = found;
        const auditId = recordChange(tx, ctx, {
          entity: 'agency_staff',
          rowId: found.id,
          action: 'update',
          baseVersion: found.version,
          before,
          after: values,
          summary: `修改服务人员「${values.name}」`,
        });
        if (auditId !== null) tx.update(agencyStaff).set({ ...values, updatedAt: now }).where(eq(agencyStaff.id, found.id)).run();
      } else {
        const id = randomUUID();
        tx.insert(agencyStaff).values({ id, ...values, createdAt: now, updatedAt: now }).run();
        recordChange(tx, ctx, {
          entity: 'agency_staff',
          rowId: id,
          action: 'create',
          baseVersion: 0,
          before: {},
          after: values,
          summary: `添加服务人员「${values.name}」`,
        });
      }
    });
    for (const gone of current.filter((c) => !keep.has(c.id))) {
      tx.update(agencyStaff).set({ deletedAt: now, updatedAt: now }).where(and(eq(agencyStaff.id, gone.id))).run();
      recordChange(tx, ctx, {
        entity: 'agency_staff',
        rowId: gone.id,
        action: 'delete',
        baseVersion: gone.version,
        before: { deletedAt: null },
        after: { deletedAt: now },
        summary: `删除服务人员「${gone.name}」`,
      });
    }
    return readAgencyProfile(tx);
  });
}
