// Runs before `npm run dev`: makes sure a secret exists, migrates and seeds demo data.
import fs from "node:fs";
import { randomBytes } from "node:crypto";

const ENV_FILE = ".env.local";
const hasSecret = process.env.AUTH_SECRET || (fs.existsSync(ENV_FILE) && /^AUTH_SECRET=./m.test(fs.readFileSync(ENV_FILE, "utf8")));
if (!hasSecret) {
  fs.appendFileSync(ENV_FILE, `AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
  console.log(`Wrote a random AUTH_SECRET to ${ENV_FILE}.`);
}

await import("./load-env");
const { closeDb, getDb } = await import("../lib/db");
const { runMigrations } = await import("../lib/db/migrate");
const { seed } = await import("../lib/db/seed");
const { databaseDialect, env, sqlitePath } = await import("../lib/env");

if (env.NODE_ENV === "production") {
  console.error("Refusing to seed demo data with NODE_ENV=production. Use `npm run gatehouse` to create users.");
  process.exit(1);
}
const db = getDb();
await runMigrations(db);
await seed(db, { demoUsers: true, log: (line) => console.log(`  ${line}`) });
await closeDb();
const port = process.env.PORT ?? "3000";
console.log(`
Gatehouse database: ${databaseDialect() === "postgres" ? "PostgreSQL (DATABASE_URL)" : sqlitePath()}
Sign in at http://localhost:${port}/login as admin@example.com / password
(also someone@example.com, editor@example.com and contributor@example.com, same password)
`);
