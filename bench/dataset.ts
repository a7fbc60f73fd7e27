import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteDb } from "../lib/db";
import { runMigrations } from "../lib/db/migrate";

/** The deterministic bench dataset, so results compare across machines and implementations. */
const ADJ = ["red", "green", "blue", "fast", "slow", "big", "small", "foo", "old", "new", "bright", "dark"];
const NOUN = ["widget", "gadget", "gizmo", "doohickey", "bar", "sprocket", "bolt", "nut", "gear", "lever", "spring"];
const CATEGORIES = ["books", "tools", "toys", "garden", "food", "music", "sports", "office", "home", "auto"];
const START = Date.UTC(2024, 0, 1);

export const BENCH_ADMIN = { email: "admin@example.com", password: "bench-password-not-for-production" };

/** What benchItem draws from, for the PostgreSQL dataset to generate the same rows in SQL. */
export const BENCH_DATASET = { ADJ, NOUN, CATEGORIES, START } as const;

export function benchItem(i: number) {
  return {
    name: `${ADJ[i % 12]} ${NOUN[(i * 7) % 11]} #${i}`,
    category: CATEGORIES[(i * 31) % 10]!,
    priceCents: (i * 7919) % 100000,
    createdAt: START + i * 60_000,
  };
}

function progress(done: number, total: number, started: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`\r  seeding [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${secs}s`);
  if (done === total) process.stderr.write("\n");
}

/**
 * Creates (or reuses) a bench database with `n` items and one admin. A marker
 * table records the item count, so a complete database is reused across runs.
 */
export async function ensureBenchDb(file: string, n: number, passwordHash: string): Promise<{ reused: boolean; seconds: number }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) {
    const db = new Database(file, { readonly: true });
    try {
      const row = db.prepare("select value from bench_meta where key = 'items'").get() as { value: string } | undefined;
      if (row && Number(row.value) === n) {
        db.close();
        // A database from an older checkout gets the newer migrations (indexes) too.
        const client = new Database(file);
        await runMigrations(sqliteDb(client));
        client.close();
        return { reused: true, seconds: 0 };
      }
    } catch {
      // no marker: rebuild
    } finally {
      db.close();
    }
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const started = Date.now();
  const client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = OFF");
  await runMigrations(sqliteDb(client));

  const roleId = (client.prepare("insert into roles (name, permissions) values ('admin', '[]') returning id").get() as { id: number }).id;
  const userId = crypto.randomUUID();
  client.prepare("insert into users (id, email, name, password_hash, security_stamp) values (?, ?, 'Bench Admin', ?, ?)").run(userId, BENCH_ADMIN.email, passwordHash, crypto.randomUUID());
  client.prepare("insert into user_roles (user_id, role_id) values (?, ?)").run(userId, roleId);

  const insert = client.prepare("insert into items (id, name, category, price_cents, in_stock, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)");
  const batch = client.transaction((from: number, to: number) => {
    for (let i = from; i <= to; i++) {
      const it = benchItem(i);
      insert.run(i, it.name, it.category, it.priceCents, i % 5 === 0 ? 0 : 1, it.createdAt, it.createdAt);
    }
  });
  const step = 50_000;
  for (let from = 1; from <= n; from += step) {
    batch(from, Math.min(n, from + step - 1));
    progress(Math.min(n, from + step - 1), n, started);
  }
  client.exec("create table bench_meta (key text primary key, value text)");
  client.prepare("insert into bench_meta values ('items', ?)").run(String(n));
  client.exec("analyze");
  client.pragma("wal_checkpoint(TRUNCATE)");
  client.close();
  return { reused: false, seconds: (Date.now() - started) / 1000 };
}
