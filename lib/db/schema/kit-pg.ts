import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import type { Kit } from "./kit";

/**
 * The kit in PostgreSQL's terms (see ./kit.ts for the mapping). The columns
 * and tables are PostgreSQL's at run time, which is all drizzle-kit and the
 * driver look at; their TypeScript types are the kit's, SQLite's, because the
 * code that queries them is written once.
 */
const kit = {
  table: pgTable,
  serialId: (name: string) => serial(name).primaryKey(),
  text: (name: string) => text(name),
  enumText: (name: string, values: readonly [string, ...string[]]) => text(name, { enum: values as [string, ...string[]] }),
  varchar: (name: string, length: number) => varchar(name, { length }),
  integer: (name: string) => integer(name),
  bigint: (name: string) => bigint(name, { mode: "number" }),
  boolean: (name: string) => boolean(name),
  timestamp: (name: string) => timestamp(name, { mode: "date", precision: 3, withTimezone: true }),
  json: (name: string) => jsonb(name),
  now: () => sql`now()`,
  jsonDefault: (value: unknown) => sql.raw(`'${JSON.stringify(value).replace(/'/g, "''")}'::jsonb`),
  index,
  uniqueIndex,
  primaryKey,
} satisfies Record<keyof Kit, unknown>;

export const pgKit = kit as unknown as Kit;
