import { suppliers } from "../../db/schema/suppliers";
import { defineResource } from "../define";
import { deriveResource } from "../derive";

/*
 * Derived from the suppliers table; state below only what differs
 * (fields: { key: { label, list, form, hidden, help, access, inlineEdit, filter } }, omit: [keys]).
 * "Suppliers" / "Supplier", titled by name; its words in each language are in
 * messages/<locale>/resources.json, `suppliers`.
 *   name: "Name", text, required, listed, sortable
 *   contactEmail: "Contact email", text, listed
 *   status: "Status", enum (active, paused, ended), listed, sortable, filter
 *   since: "Since", datetime, required, listed, sortable
 *   notes: "Notes", text, listed
 *   createdAt: "Created", datetime, listed, sortable, read-only
 *   updatedAt: "Updated", datetime, listed, read-only
 */
export const suppliersResource = defineResource(
  deriveResource(suppliers, {
    fields: {
      name: { maxLength: 64 },
      contactEmail: { type: "email", maxLength: 254 },
      status: { inlineEdit: true },
      since: { label: "Contract start", filter: { type: "date-range", param: "since" } },
      notes: { maxLength: 2_000 },
      updatedAt: { list: false },
    },
    search: ["name", "contactEmail"],
    searchIndex: "suppliers_search",
    defaultSort: "name",
  }),
);
