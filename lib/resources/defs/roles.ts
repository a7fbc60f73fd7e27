import { inArray } from "drizzle-orm";
import { roles } from "../../db/schema";
import { ADMIN_ROLE } from "../../permissions";
import { rolesPolicy } from "../../roles/delegation";
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
    { key: "name", label: "Name", type: "text", column: roles.name, list: true, sortable: true, required: true, maxLength: 64, pattern: { regex: /^[a-z][a-z0-9-]*$/, message: "Use lower-case letters, digits and dashes, starting with a letter." } },
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
      if (before.name !== ADMIN_ROLE) {
        return values.name === ADMIN_ROLE ? { name: "The name admin is reserved." } : null;
      }
      if (values.name !== undefined && values.name !== ADMIN_ROLE) return { name: "The admin role cannot be renamed." };
      // The admin role has every permission, always: its stored list stays empty.
      delete values.permissions;
      return null;
    },
    async beforeDelete(tx, ids) {
      const names = await tx.select({ name: roles.name }).from(roles).where(inArray(roles.id, ids as number[]));
      return names.some((r) => r.name === ADMIN_ROLE) ? "The admin role cannot be deleted." : null;
    },
  },
});
