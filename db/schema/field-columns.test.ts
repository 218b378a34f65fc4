// One field list drives the incubator header and the agency profile (docs/documents.md §Fields): each field of the
// list has its column in the table, under the same key, of a type that holds the field's values.
import { describe, expect, it } from 'vitest';
import { getTableColumns } from 'drizzle-orm';
import { incubatorHeaderFields } from '../../shared/domain/incubator.js';
import { agencyProfileFields } from '../../shared/domain/agency.js';
import { isNumberType, type FieldDefinition } from '../../shared/forms/field-definition.js';
import { agencyProfile, incubators } from './index.js';

function columnKinds(table: Parameters<typeof getTableColumns>[0]): Map<string, string> {
  return new Map(Object.entries(getTableColumns(table)).map(([k, c]) => [k, c.columnType]));
}

describe.each([
  ['incubators', incubatorHeaderFields, incubators],
  ['agency_profile', agencyProfileFields, agencyProfile],
] as const)('the %s table and its field list', (_name, fields: readonly FieldDefinition[], table) => {
  it('has a column for every field, of a fitting type', () => {
    const columns = columnKinds(table);
    for (const f of fields) {
      const type = columns.get(f.key);
      expect(type, `${f.key} has no column`).toBeDefined();
      if (isNumberType(f.type)) expect(type).toMatch(/Real|Integer/);
      else if (f.type === 'yesno') expect(type).toBe('SQLiteBoolean');
      else expect(type).toMatch(/Text/);
    }
  });
});
