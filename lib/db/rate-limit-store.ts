import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterSQLite, type IRateLimiterOptions, type RateLimiterAbstract } from "rate-limiter-flexible";
import { dialectOf, getDb, type Db } from "./index";

/**
 * Rate-limiter-flexible limiters whose counts live in the database
 * (`rate_limits`, created by a migration), so that every instance on one
 * database shares one limit: PostgreSQL through the process's pool, SQLite
 * through its connection.
 */
export function databaseLimiter(options: IRateLimiterOptions & { keyPrefix: string }, db: Db = getDb()): RateLimiterAbstract {
  const client = (db as unknown as { $client: unknown }).$client;
  const common = { ...options, tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: true };
  if (dialectOf(db) === "postgres") return new PostgresLimiter({ ...common, storeClient: client as pg.Pool, storeType: "pool" });
  return new SqliteLimiter({ ...common, storeClient: client as Database.Database, storeType: "better-sqlite3" });
}

/** `rate_limits.key` holds this many characters. */
export const RATE_LIMIT_KEY_MAX = 255;

/**
 * The row key of a count: the limiter's own (prefix and key) when it fits the
 * column, else the prefix and a digest of the key. Keys carry what a client
 * sent (an e-mail, a passkey's id), so their length is the client's choice;
 * one too long for the column must count, not fail the request.
 */
export function rowKey(prefixed: string, prefix: string): string {
  if (prefixed.length <= RATE_LIMIT_KEY_MAX) return prefixed;
  return `${prefix}:sha256:${createHash("sha256").update(prefixed).digest("base64url")}`;
}

class PostgresLimiter extends RateLimiterPostgres {
  override getKey(key: string | number): string {
    return rowKey(super.getKey(key), this.keyPrefix);
  }
}

class SqliteLimiter extends RateLimiterSQLite {
  override getKey(key: string | number): string {
    return rowKey(super.getKey(key), this.keyPrefix);
  }
}
