import { getTableName } from "drizzle-orm";
import { generateSearchMigrations, type SearchIndexSpec } from "../lib/db/search-index-sql";
import { RESOURCES } from "../lib/resources/registry";
import type { Resource } from "../lib/resources/types";

/**
 * Writes the search-index migrations of every registered resource with a
 * `searchIndex` (its `search` fields are the indexed columns). Run by `npm run
 * db:generate` after drizzle-kit; does nothing when every one is committed.
 * DRIZZLE_MIGRATIONS_DIR moves the migrations root, as in the drizzle configs.
 */
export function searchIndexSpecs(resources: readonly Resource[]): SearchIndexSpec[] {
  return resources.flatMap((r) => {
    if (!r.searchIndex) return [];
    const columns = (r.search ?? []).map((key) => {
      const column = r.fields.find((f) => f.key === key)?.column;
      if (!column) throw new Error(`${r.name}: search field "${key}" has no column`);
      return column.name;
    });
    return [{ index: r.searchIndex, table: getTableName(r.table), id: r.id.name, columns }];
  });
}

if (process.argv[1]?.endsWith("generate-search-migrations.ts")) {
  const { stale } = generateSearchMigrations(process.env.DRIZZLE_MIGRATIONS_DIR ?? "drizzle", searchIndexSpecs(RESOURCES));
  if (stale.length) process.exitCode = 1;
}
