import { inArray } from "drizzle-orm";
import { userRoles, users } from "../../db/schema";
import { hashPassword } from "../../auth/password";
import { checkPasswordPolicy } from "../../auth/password-policy";
import { randomToken } from "../../random";
import { usersPolicy } from "../../users/delegation";
import { adminGuard } from "../../users/admin-guard";
import { defineResource } from "../define";

/** Changing any of these ends the user's other sessions (their security stamp rotates). */
const SECURITY_FIELDS = ["password", "roles", "active"];

export const usersResource = defineResource({
  name: "users",
  label: "Users",
  singular: "User",
  table: users,
  id: users.id,
  title: users.email,
  fields: [
    { key: "email", label: "Email", type: "email", column: users.email, list: true, sortable: true, required: true, maxLength: 254 },
    { key: "name", label: "Name", type: "text", column: users.name, list: true, sortable: true, maxLength: 100 },
    { key: "active", label: "Active", type: "boolean", column: users.active, list: true, sortable: true },
    { key: "roles", label: "Roles", type: "many", many: { resource: "roles", through: userRoles, left: userRoles.userId, right: userRoles.roleId }, related: "Users with this role" },
    { key: "password", label: "Password", type: "password", hidden: true, help: "At least 8 characters; not a common or guessable password." },
    { key: "confirmedAt", label: "Confirmed", type: "datetime", column: users.emailVerified, form: false },
    { key: "lastLoginAt", label: "Last sign-in", type: "datetime", column: users.lastLoginAt, list: true, sortable: true, form: false },
    { key: "lastLoginIp", label: "Last sign-in address", type: "text", column: users.lastLoginIp, form: false },
    { key: "currentLoginAt", label: "Current sign-in", type: "datetime", column: users.currentLoginAt, form: false },
    { key: "currentLoginIp", label: "Current sign-in address", type: "text", column: users.currentLoginIp, form: false },
    { key: "loginCount", label: "Sign-ins", type: "number", column: users.loginCount, form: false },
    { key: "createdAt", label: "Created", type: "datetime", column: users.createdAt, list: true, sortable: true, form: false },
  ],
  search: ["email", "name"],
  filters: [
    { field: "active", param: "active", type: "boolean" },
    { field: "roles", param: "role", type: "reference" },
    { field: "createdAt", param: "created", type: "date-range" },
  ],
  defaultSort: "email",
  policy: usersPolicy,
  bulkActions: [
    {
      name: "activate",
      label: "Activate",
      action: "update",
      field: "active",
      run: async (tx, ids) => (await tx.update(users).set({ active: true, securityStamp: randomToken() }).where(inArray(users.id, ids as string[])).returning({ id: users.id })).length,
    },
    {
      name: "deactivate",
      label: "Deactivate",
      action: "update",
      field: "active",
      run: async (tx, ids) => (await tx.update(users).set({ active: false, securityStamp: randomToken() }).where(inArray(users.id, ids as string[])).returning({ id: users.id })).length,
    },
  ],
  hooks: {
    guard: adminGuard,
    async prepare(values, ctx) {
      const columns: Record<string, unknown> = {};
      const password = typeof values.password === "string" ? values.password : "";
      if (ctx.mode === "create" && !password) return { errors: { password: "Password is required." } };
      if (password) {
        const problem = checkPasswordPolicy(password, [String(values.email ?? ctx.before?.email ?? ""), String(values.name ?? "")]);
        if (problem) return { errors: { password: problem } };
        columns.passwordHash = await hashPassword(password);
      }
      if (ctx.mode === "update" && SECURITY_FIELDS.some((k) => ctx.changed.has(k))) columns.securityStamp = randomToken();
      return { columns };
    },
  },
  emptyHint: "No user matches. Clear the search and filters, or create a user.",
});


