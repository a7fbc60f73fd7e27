import Database from "better-sqlite3";
import { E2E_DB_FILE } from "../env";

/** Read-only look at the e2e database, to assert what was (not) written. */
export function queryDb<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
