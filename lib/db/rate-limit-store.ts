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
  if (dialectOf(db) === "postgres") return new RateLimiterPostgres({ ...common, storeClient: client as pg.Pool, storeType: "pool" });
  return new RateLimiterSQLite({ ...common, storeClient: client as Database.Database, storeType: "better-sqlite3" });
}
