// Prints the signed-row guard triggers of a document table, for its custom migration (db/signed-guard-sql.ts):
//   npx drizzle-kit generate --custom --name <table>_signed_guard
//   node --import tsx scripts/print-signed-guard.ts <table> [entity]   → paste into the new .sql file
import { openDatabase } from '../db/open-database.js';
import { itemGuardSql, signedGuardSql } from '../db/signed-guard-sql.js';

const table = process.argv[2];
if (!table) {
  console.error('用法：node --import tsx scripts/print-signed-guard.ts <表名> [同步实体名，默认同表名]');
  process.exit(2);
}
const db = openDatabase({ file: ':memory:' });
const columns = (db.sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
if (columns.length === 0) {
  console.error(`表 ${table} 不存在：先为它生成建表迁移（npm run db:generate）。`);
  process.exit(1);
}
console.log(table === 'document_items' ? itemGuardSql(columns) : signedGuardSql(table, process.argv[3] ?? table, columns));
