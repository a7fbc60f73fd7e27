import Database from "better-sqlite3";
import { E2E_DATABASE_URL, E2E_DB_FILE, E2E_DIALECT } from "../env";
import { callBridge } from "./bridge";

/**
 * Read-only look at the e2e database, to assert what was (not) written. SQL
 * uses `?` placeholders and values come back as SQLite shapes them, on either
 * database. PostgreSQL is queried through the test process's bridge worker, so
 * that this stays synchronous like SQLite's driver.
 */
export function queryDb<T>(sql: string, ...params: unknown[]): T[] {
  if (E2E_DIALECT === "postgres") {
    return callBridge<T[]>({ kind: "query", url: E2E_DATABASE_URL, sql, params });
  }
  const db = new Database(E2E_DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Runs one writing statement on the e2e database (same `?` placeholders), for tests that need many rows at once. */
export function execDb(sql: string, ...params: unknown[]): void {
  if (E2E_DIALECT === "postgres") {
    callBridge({ kind: "query", url: E2E_DATABASE_URL, sql, params });
    return;
  }
  const db = new Database(E2E_DB_FILE, { fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}
