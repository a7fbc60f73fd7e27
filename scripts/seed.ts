import "./load-env";
import { closeDb, getDb } from "../lib/db";
import { runMigrations } from "../lib/db/migrate";
import { seed } from "../lib/db/seed";
import { env } from "../lib/env";

const production = env.NODE_ENV === "production";
const db = getDb();
await runMigrations(db);
await seed(db, { demoUsers: !production, log: (line) => console.log(line) });
await closeDb();
if (production) console.log("NODE_ENV=production: created roles only, no demo users or items.");
else console.log("Seed complete.");
