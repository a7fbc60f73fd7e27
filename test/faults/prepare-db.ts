// Fills the database DATABASE_URL names (a test one): migrations, the demo
// users, and argv[2] more items. A process of its own, because the schema
// module picks its dialect from DATABASE_URL once.
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { closeDb, getDb } from "../../lib/db";
import { runMigrations } from "../../lib/db/migrate";
import { seed } from "../../lib/db/seed";
import { databaseDialect } from "../../lib/env";

const bulk = Number(process.argv[2] ?? 0);
const db = getDb();
await runMigrations(db);
await seed(db, { demoUsers: true, items: 10 });
if (bulk > 0 && databaseDialect() === "postgres") {
  await (db as unknown as NodePgDatabase).execute(sql`insert into items (name, category, price_cents, in_stock) select 'Bulk item ' || i, 'tools', i % 100000, true from generate_series(1, ${bulk}) as i`);
} else if (bulk > 0) {
  db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${bulk}) insert into items (name, category, price_cents, in_stock) select 'Bulk item ' || i, 'tools', i % 100000, 1 from n`);
}
await closeDb();
