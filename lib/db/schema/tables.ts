import { accountTables } from "./accounts";
import { auditTables } from "./audit";
import type { Kit } from "./kit";
import { passkeyTables } from "./passkeys";
import { signInTables } from "./sign-in";

/**
 * Gatehouse's own tables, described once in the kit's words; ./sqlite.ts and
 * ./pg.ts build them for their database. An application's tables each live
 * in their own file instead (see ./both.ts and ./items.ts).
 */
export function describeTables(k: Kit) {
  const accounts = accountTables(k);
  return { ...accounts, ...signInTables(k, accounts.users), ...passkeyTables(k, accounts.users), ...auditTables(k) };
}
