import { ITEM_CATEGORIES, items } from "../../db/schema";
import { defineResource } from "../define";

export const itemsResource = defineResource({
  name: "items",
  label: "Items",
  singular: "Item",
  table: items,
  id: items.id,
  title: items.name,
  fields: [
    { key: "name", label: "Name", type: "text", column: items.name, list: true, sortable: true, required: true, maxLength: 64 },
    { key: "category", label: "Category", type: "enum", column: items.category, options: ITEM_CATEGORIES, list: true, sortable: true, required: true, inlineEdit: true },
    { key: "price", label: "Price", type: "money", column: items.priceCents, list: true, sortable: true, required: true, inlineEdit: true, access: { change: "items:price" } },
    { key: "inStock", label: "In stock", type: "boolean", column: items.inStock, list: true, sortable: true, inlineEdit: true },
    { key: "description", label: "Description", type: "longtext", column: items.description, maxLength: 10_000 },
    { key: "owner", label: "Owner", type: "reference", column: items.ownerId, reference: { resource: "users" }, list: true, related: "Owned items" },
    { key: "createdAt", label: "Created", type: "datetime", column: items.createdAt, list: true, sortable: true, form: false },
    { key: "updatedAt", label: "Updated", type: "datetime", column: items.updatedAt, form: false },
  ],
  search: ["name", "category"],
  searchIndex: "items_search",
  filters: [
    { field: "category", param: "category", type: "enum" },
    { field: "price", param: "price", type: "range" },
    { field: "inStock", param: "in_stock", type: "boolean" },
    { field: "owner", param: "owner", type: "reference" },
    { field: "createdAt", param: "created", type: "date-range" },
  ],
  defaultSort: "-createdAt",
  owner: items.ownerId,
  permissions: [{ name: "items:price", label: "Change prices" }],
  emptyHint: "Create the first item, or clear the search and filters.",
});
