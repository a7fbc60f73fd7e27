import { databaseDialect, env, sqlitePath } from "../env";
import { getDb, ping } from "./index";
import { pendingMigrations } from "./migrate";
import { rootCause } from "./unavailable";

/** Start-up gives up on a database that has not answered after this long. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Auth.js derives its keys from AUTH_SECRET: a short one is guessable. */
const MIN_SECRET_LENGTH = 32;

/** Where DATABASE_URL points, without its password. */
function databaseName(): string {
  if (databaseDialect() !== "postgres") return `the SQLite file ${sqlitePath()}`;
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: "ETIMEDOUT" })), CONNECT_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * What stops this server from serving, as one line naming the setting and the
 * cause, or null when it may start. Run once when a server process starts
 * (instrumentation.ts), never at build time: a database that does not answer,
 * lacks migrations, or a missing secret would otherwise fail every request.
 */
export async function startupProblem(): Promise<string | null> {
  if (env.NODE_ENV === "production") {
    if (!env.AUTH_SECRET) return "AUTH_SECRET is not set: production needs a random secret of at least 32 characters (openssl rand -base64 33).";
    if (env.AUTH_SECRET.length < MIN_SECRET_LENGTH) return `AUTH_SECRET is too short (${env.AUTH_SECRET.length} characters): use at least ${MIN_SECRET_LENGTH} random characters (openssl rand -base64 33).`;
  }
  let db;
  try {
    db = getDb();
    await withTimeout(ping(db));
  } catch (error) {
    const cause = rootCause(error);
    return `DATABASE_URL: cannot use ${databaseName()}: ${cause.message}${cause.code ? ` (${cause.code})` : ""}`;
  }
  const pending = await pendingMigrations(db);
  if (pending > 0) return `DATABASE_URL: ${databaseName()} lacks ${pending} migration${pending === 1 ? "" : "s"}: run \`npm run db:migrate\` (npm start does) before starting the server.`;
  return null;
}
