import { accountTables } from "./accounts";
import { appTables } from "./app";
import type { Kit } from "./kit";
import { signInTables } from "./sign-in";

export { ITEM_CATEGORIES, type ItemCategory } from "./app";

/**
 * Every Gatehouse table, described once in the kit's words; ./sqlite.ts and
 * ./pg.ts build them for their database. Add a table to one of the area
 * files (or a new one) and export it from both.
 */
export function describeTables(k: Kit) {
  const accounts = accountTables(k);
  return { ...accounts, ...signInTables(k, accounts.users), ...appTables(k, accounts.users) };
}
