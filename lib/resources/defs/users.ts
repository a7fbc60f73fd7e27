import { userRoles, users } from "../../db/schema";
import { usersPolicy } from "../../users/delegation";
import { hashNewPassword, newPasswordProblem } from "../../users/new-password";
import { endsSessions, newStampColumn, rotateSecurityStamp } from "../../users/security-stamp";
import { adminGuard } from "../../users/admin-guard";
import { defineResource } from "../define";

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
      run: async (tx, ids) => (await rotateSecurityStamp(tx, ids as string[], { active: true })).length,
    },
    {
      name: "deactivate",
      label: "Deactivate",
      action: "update",
      field: "active",
      run: async (tx, ids) => (await rotateSecurityStamp(tx, ids as string[], { active: false })).length,
    },
  ],
  hooks: {
    guard: adminGuard,
    // bcrypt is slow: hashed before the write lock, stored only if the check below passes.
    input: async (submitted) => ({ passwordHash: await hashNewPassword(submitted.password) }),
    async prepare(values, ctx) {
      const columns: Record<string, unknown> = ctx.mode === "update" && (endsSessions(ctx.changed) || ctx.operator?.endSessions === true) ? newStampColumn() : {};
      // An invitation (the operator's `invitation`) creates the account without a password: its link sets one.
      if ((ctx.mode === "create" && ctx.operator?.invitation !== true) || values.password) {
        const owner = { email: String(values.email ?? ctx.before?.email ?? ""), name: String(values.name ?? ctx.before?.name ?? "") };
        const problem = await newPasswordProblem(values.password, owner, { checkPolicy: ctx.operator?.skipPolicy !== true });
        if (problem) return { errors: { password: problem } };
        columns.passwordHash = ctx.input?.passwordHash;
      }
      return { columns };
    },
  },
  detailsPanel: "two-factor",
  listPanel: "invitations",
});


