import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { roles, userRoles, users } from "../db/schema";
import { normalizeEmail } from "../email";
import { UserFacingError } from "../errors";
import { translator } from "../i18n/translator";
import type { Actor } from "../audit";
import type { OperatorOptions, WriteResult } from "../resources/engine";
import { engine } from "../resources/panel";

/**
 * Writes on users by the operator (CLI, seed) and by a user on their own
 * account, through the panel's write pipeline on the users resource, so the
 * same hooks apply (password policy and hash, security stamp, last-admin
 * guard) and the same audit entry is written. `editor` null: the operator,
 * bound by no row scope. Without an actor (the seed) nothing is audited.
 */

const SILENT = { record: async () => {}, changesSince: async () => [] };
const NO_ACTOR: Actor = { id: null, email: null, address: null };

function usersOn(db: Db, actor: Actor | undefined) {
  const scoped = engine.with({ db: () => db, ...(actor ? {} : { audit: SILENT }) });
  const resource = scoped.registry.get("users");
  if (!resource) throw new Error("The users resource is not registered.");
  return { scoped, resource, who: actor ?? NO_ACTOR };
}

/** A refused write as the error the CLI prints: the field's reason, or the message. */
function orThrow(result: WriteResult): string {
  if (result.ok) return String(result.id ?? "");
  const [field, problem] = Object.entries(result.fieldErrors ?? {})[0] ?? [];
  throw new UserFacingError(problem ?? result.message, field);
}

export interface CreateUserInput {
  email: string;
  name?: string | null;
  password: string;
  roles?: string[];
  active?: boolean;
  /** Skip the strength policy (demo data in development only). */
  skipPolicy?: boolean;
}

async function roleIdsByName(db: Db, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const found = await db.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.name, names));
  const missing = names.filter((n) => !found.some((r) => r.name === n));
  if (missing.length > 0) throw new UserFacingError((await translator("engine"))("users.unknownRole", { names: missing.join(", ") }), "roles");
  return found.map((r) => r.id);
}

async function userByEmail(db: Db, email: string): Promise<{ id: string; email: string }> {
  const [row] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!row) throw new UserFacingError((await translator("engine"))("users.noUser", { email: normalizeEmail(email) }), "email");
  return row;
}

export async function createUser(db: Db, input: CreateUserInput, actor?: Actor): Promise<string> {
  const { scoped, resource, who } = usersOn(db, actor);
  const values = { email: normalizeEmail(input.email), name: input.name ?? null, password: input.password, roles: await roleIdsByName(db, [...new Set(input.roles ?? [])]), active: input.active ?? true };
  return orThrow(await scoped.createRecord(resource, who, null, values, { hooks: { skipPolicy: input.skipPolicy === true } }));
}

/**
 * Creates a user without a password, for an invitation: `inTransaction`
 * writes its link and mail in the same transaction. Audited as `invite`.
 */
export async function createInvitedUser(db: Db, input: Omit<CreateUserInput, "password" | "skipPolicy">, actor: Actor, inTransaction: (tx: Tx, id: string) => Promise<void>): Promise<string> {
  const { scoped, resource, who } = usersOn(db, actor);
  const values = { email: normalizeEmail(input.email), name: input.name ?? null, roles: await roleIdsByName(db, [...new Set(input.roles ?? [])]), active: true };
  return orThrow(await scoped.createRecord(resource, who, null, values, { auditAction: "invite", hooks: { invitation: true }, inTransaction: (tx, id) => inTransaction(tx, String(id)) }));
}

/** Changes fields of one user by id; the result says why nothing was written. */
export async function updateUser(db: Db, id: string, values: Record<string, unknown>, actor?: Actor, options?: OperatorOptions): Promise<WriteResult> {
  const { scoped, resource, who } = usersOn(db, actor);
  return scoped.updateRecord(resource, who, null, id, values, null, options);
}

export async function setUserActive(db: Db, email: string, active: boolean, actor?: Actor): Promise<void> {
  orThrow(await updateUser(db, (await userByEmail(db, email)).id, { active }, actor));
}

export async function setUserPassword(db: Db, email: string, password: string, actor?: Actor): Promise<void> {
  orThrow(await updateUser(db, (await userByEmail(db, email)).id, { password }, actor));
}

/** Grants or takes away one role (the `roles` field: held roles plus or minus it); the last-admin guard applies. */
async function changeRole(db: Db, email: string, role: string, add: boolean, actor?: Actor): Promise<void> {
  const { id, email: address } = await userByEmail(db, email);
  const [roleId] = await roleIdsByName(db, [role]);
  const held = (await db.select({ roleId: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, id))).map((r) => r.roleId);
  if (add === held.includes(roleId!)) {
    if (add) return;
    throw new UserFacingError((await translator("engine"))("users.roleNotHeld", { email: address, role }), "roles");
  }
  orThrow(await updateUser(db, id, { roles: add ? [...held, roleId] : held.filter((r) => r !== roleId) }, actor));
}

export function addUserRole(db: Db, email: string, role: string, actor?: Actor): Promise<void> {
  return changeRole(db, email, role, true, actor);
}

export function removeUserRole(db: Db, email: string, role: string, actor?: Actor): Promise<void> {
  return changeRole(db, email, role, false, actor);
}
