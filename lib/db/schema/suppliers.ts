import { bothDatabases } from "./both";
import { timestamps } from "./kit";

export const SUPPLIER_STATUSES = ["active", "paused", "ended"] as const;

/** Who items are bought from: the second sample table, referenced by items. */
export const { active: suppliers, sqlite: suppliersOnSqlite, pg: suppliersOnPg } = bothDatabases((k) =>
  k.table(
    "suppliers",
    {
      id: k.serialId("id"),
      name: k.text("name").notNull(),
      contactEmail: k.text("contact_email"),
      status: k.enumText("status", SUPPLIER_STATUSES).notNull().default("active"),
      // When the contract started: a date the user enters, not bookkeeping.
      since: k.timestamp("since").notNull(),
      notes: k.text("notes"),
      ...timestamps(k),
    },
    // An index per sortable column, and the status filter's ending in the default sort key.
    (t) => [
      k.index("suppliers_name_idx").on(t.name),
      k.index("suppliers_status_idx").on(t.status),
      k.index("suppliers_status_created_idx").on(t.status, t.createdAt),
      k.index("suppliers_since_idx").on(t.since),
      k.index("suppliers_created_idx").on(t.createdAt),
    ],
  ),
);

export type Supplier = typeof suppliers.$inferSelect;
