import type { accountTables } from "./accounts";
import { timestamps, type Kit } from "./kit";

type Users = ReturnType<typeof accountTables>["users"];

export const ITEM_CATEGORIES = [
  "books", "tools", "toys", "garden", "food", "music", "sports", "office", "home", "auto",
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** The sample application table and the audit log. */
export function appTables(k: Kit, users: Users) {
  /** The sample application table. Money is integer cents, never a float. */
  const items = k.table(
    "items",
    {
      id: k.serialId("id"),
      name: k.text("name").notNull(),
      category: k.enumText("category", ITEM_CATEGORIES).notNull(),
      priceCents: k.integer("price_cents").notNull().default(0),
      inStock: k.boolean("in_stock").notNull().default(true),
      description: k.text("description"),
      ownerId: k.text("owner_id").references(() => users.id, { onDelete: "set null" }),
      ...timestamps(k),
    },
    // Every sortable column has an index to read the list in order, and each
    // equality filter one that ends in the default sort key (created_at), so a
    // filtered list is read in order too and stops at the page.
    (t) => [
      k.index("items_name_idx").on(t.name),
      k.index("items_category_idx").on(t.category),
      k.index("items_category_created_idx").on(t.category, t.createdAt),
      k.index("items_in_stock_idx").on(t.inStock),
      k.index("items_in_stock_created_idx").on(t.inStock, t.createdAt),
      // Category filter with a price range: one range scan of an index that also
      // holds the default sort key, so matches are ordered without reading rows.
      k.index("items_category_price_idx").on(t.category, t.priceCents, t.createdAt),
      k.index("items_price_idx").on(t.priceCents),
      k.index("items_owner_idx").on(t.ownerId, t.createdAt),
      k.index("items_created_idx").on(t.createdAt),
    ],
  );

  /**
   * Who did what, when and from where: panel writes, sign-ins, role and
   * permission changes and CLI changes. Written in the same transaction as the
   * change it records. `changes` holds before/after values of changed fields,
   * never a password or hash.
   */
  const auditLog = k.table(
    "audit_log",
    {
      id: k.serialId("id"),
      at: k.timestamp("at").notNull().default(k.now()),
      actorId: k.text("actor_id"),
      actorEmail: k.text("actor_email"),
      address: k.text("address"),
      action: k.text("action").notNull(),
      resource: k.text("resource"),
      recordId: k.text("record_id"),
      summary: k.text("summary"),
      changes: k.json<Record<string, { before: unknown; after: unknown }>>("changes"),
    },
    (t) => [
      k.index("audit_log_at_idx").on(t.at),
      k.index("audit_log_record_idx").on(t.resource, t.recordId, t.at),
      k.index("audit_log_actor_idx").on(t.actorEmail, t.at),
      // "Recent actions": one user's newest entries, read in order.
      k.index("audit_log_actor_id_idx").on(t.actorId, t.at),
      k.index("audit_log_action_idx").on(t.action, t.at),
    ],
  );

  return { items, auditLog };
}
