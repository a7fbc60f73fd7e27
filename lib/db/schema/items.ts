import { bothDatabases, core } from "./both";
import { ITEM_CATEGORIES } from "./item-categories";
import { timestamps } from "./kit";
import { suppliersOnPg, suppliersOnSqlite } from "./suppliers";

export { ITEM_CATEGORIES, type ItemCategory } from "./item-categories";

/**
 * The sample application table, described the way an application's own table
 * is: in its own file, for both databases. Money is integer cents, never a float.
 */
export const { active: items, sqlite: itemsOnSqlite, pg: itemsOnPg } = bothDatabases((k, on) =>
  k.table(
    "items",
    {
      id: k.serialId("id"),
      name: k.text("name").notNull(),
      category: k.enumText("category", ITEM_CATEGORIES).notNull(),
      priceCents: k.integer("price_cents").notNull().default(0),
      inStock: k.boolean("in_stock").notNull().default(true),
      description: k.text("description"),
      ownerId: k.text("owner_id").references(() => on(core).users.id, { onDelete: "set null" }),
      supplierId: k.integer("supplier_id").references(() => on({ sqlite: suppliersOnSqlite, pg: suppliersOnPg }).id, { onDelete: "set null" }),
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
      k.index("items_supplier_idx").on(t.supplierId, t.createdAt),
      k.index("items_created_idx").on(t.createdAt),
    ],
  ),
);

export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;
