// The SQL of the database guard of signed documents (sync.md §7, issue 14.4): a signed row refuses a raw UPDATE
// of its content and a DELETE, whatever code runs it, and the list items of a signed document refuse every
// change. `version` and `updated_at` may still change (a pull confirms the signature with the server's version).
// A new document table gets its guard from a custom migration holding `signedGuardSql(...)`
// (`node --import tsx scripts/print-signed-guard.ts <table>`); db/signed-guard.test.ts fails until it has one
// that covers all its columns.

export const LOCKED_MESSAGE = 'WB_LOCKED: 该文档已签署，不能再修改。如需更正，请新建一个修订版本。';
/** Columns a pull may change on a signed row: bookkeeping, not content. */
export const UNGUARDED_COLUMNS = new Set(['id', 'version', 'updated_at']);

const signedRow = (entity: string, row: string) => `EXISTS (SELECT 1 FROM \`sync_signed\` WHERE \`entity\` = ${entity} AND \`row_id\` = ${row})`;
const changed = (columns: readonly string[]) => columns.filter((c) => !UNGUARDED_COLUMNS.has(c)).map((c) => `NEW.\`${c}\` IS NOT OLD.\`${c}\``).join(' OR ');

export function guardTriggerNames(table: string): string[] {
  return [`${table}_signed_no_update`, `${table}_signed_no_delete`];
}

/** The triggers of one document table; `columns` are all its columns, in order. */
export function signedGuardSql(table: string, entity: string, columns: readonly string[]): string {
  const [noUpdate, noDelete] = guardTriggerNames(table);
  const signed = signedRow(`'${entity}'`, 'OLD.`id`');
  return [
    `CREATE TRIGGER \`${noUpdate}\` BEFORE UPDATE ON \`${table}\`\nWHEN ${signed} AND (${changed(columns)})\nBEGIN\n  SELECT RAISE(ABORT, '${LOCKED_MESSAGE}');\nEND;`,
    `CREATE TRIGGER \`${noDelete}\` BEFORE DELETE ON \`${table}\`\nWHEN ${signed}\nBEGIN\n  SELECT RAISE(ABORT, '${LOCKED_MESSAGE}');\nEND;`,
  ].join('\n--> statement-breakpoint\n');
}

export const ITEM_TRIGGER_NAMES = ['document_items_signed_no_insert', 'document_items_signed_no_update', 'document_items_signed_no_delete'];

/**
 * The triggers of `document_items`: nothing of a signed document's lists changes. An item that arrives already
 * deleted may be inserted: the server's tombstone of an item another device added while the document was being
 * signed (docs/sync.md §Signing) — it is not in the list, and this device keeps the server's rows.
 */
export function itemGuardSql(columns: readonly string[]): string {
  const [noInsert, noUpdate, noDelete] = ITEM_TRIGGER_NAMES;
  const parentOf = (row: 'NEW' | 'OLD') => signedRow(`${row}.\`document_entity\``, `${row}.\`document_id\``);
  return [
    `CREATE TRIGGER \`${noInsert}\` BEFORE INSERT ON \`document_items\`\nWHEN ${parentOf('NEW')} AND NEW.\`deleted_at\` IS NULL\nBEGIN\n  SELECT RAISE(ABORT, '${LOCKED_MESSAGE}');\nEND;`,
    `CREATE TRIGGER \`${noUpdate}\` BEFORE UPDATE ON \`document_items\`\nWHEN (${parentOf('OLD')} OR ${parentOf('NEW')}) AND (${changed(columns)})\nBEGIN\n  SELECT RAISE(ABORT, '${LOCKED_MESSAGE}');\nEND;`,
    `CREATE TRIGGER \`${noDelete}\` BEFORE DELETE ON \`document_items\`\nWHEN ${parentOf('OLD')}\nBEGIN\n  SELECT RAISE(ABORT, '${LOCKED_MESSAGE}');\nEND;`,
  ].join('\n--> statement-breakpoint\n');
}
