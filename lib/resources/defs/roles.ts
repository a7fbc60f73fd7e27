import { inArray } from "drizzle-orm";
import { roles } from "../../db/schema";
import { ADMIN_ROLE } from "../../permissions";
import { rolesPolicy } from "../../roles/delegation";
import { translator } from "../../i18n/translator";
import { ROLE_NAME_MAX, ROLE_NAME_MESSAGE, ROLE_NAME_PATTERN } from "../../roles/role-name";
import { roleNameMessage } from "../../roles/role-name-words";
import { adminGuard } from "../../users/admin-guard";
import { defineResource } from "../define";

export const rolesResource = defineResource({
  name: "roles",
  label: "Roles",
  singular: "Role",
  table: roles,
  id: roles.id,
  title: roles.name,
  fields: [
    { key: "name", label: "Name", type: "text", column: roles.name, list: true, sortable: true, required: true, maxLength: ROLE_NAME_MAX, pattern: { regex: ROLE_NAME_PATTERN, message: ROLE_NAME_MESSAGE } },
    { key: "description", label: "Description", type: "text", column: roles.description, list: true, maxLength: 200 },
    { key: "permissions", label: "Permissions", type: "permissions", column: roles.permissions },
    { key: "createdAt", label: "Created", type: "datetime", column: roles.createdAt, list: true, sortable: true, form: false },
  ],
  search: ["name", "description"],
  defaultSort: "name",
  policy: rolesPolicy,
  lockedFields: (values) => (values.name === ADMIN_ROLE ? ["name", "permissions"] : []),
  hooks: {
    guard: adminGuard,
    async beforeUpdate(_tx, _id, values, before) {
      const problem = values.name === undefined ? null : await roleNameMessage(String(values.name), String(before.name));
      if (problem) return { name: problem };
      if (before.name !== ADMIN_ROLE) return null;
      // The admin role has every permission, always: its stored list stays empty.
      delete values.permissions;
      return null;
    },
    async beforeDelete(tx, ids) {
      const names = await tx.select({ name: roles.name }).from(roles).where(inArray(roles.id, ids as number[]));
      return names.some((r) => r.name === ADMIN_ROLE) ? (await translator("engine"))("roles.adminNotDeleted") : null;
    },
  },
});
