import pg from "pg";

/**
 * Creates and drops throwaway PostgreSQL databases for tests. Only databases
 * whose name ends in `_test` are touched, so a misconfigured URL can never
 * reset a real one.
 */

function split(url: string): { admin: string; name: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[a-z0-9_]+_test$/.test(name)) throw new Error(`Refusing to touch ${name || "(no database)"}: test databases are named *_test.`);
  parsed.pathname = "/postgres";
  return { admin: parsed.toString(), name };
}

async function onServer<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops the database if it exists (ending its connections), then creates it empty. */
export async function recreateTestDatabase(url: string): Promise<void> {
  const { admin, name } = split(url);
  await onServer(admin, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
}

export async function dropTestDatabase(url: string): Promise<void> {
  const { admin, name } = split(url);
  await onServer(admin, (client) => client.query(`drop database if exists "${name}" with (force)`));
}

/** True when a PostgreSQL server answers at this URL's host. */
export async function postgresAnswers(url: string): Promise<boolean> {
  try {
    await onServer(split(url).admin, (client) => client.query("select 1"));
    return true;
  } catch {
    return false;
  }
}
