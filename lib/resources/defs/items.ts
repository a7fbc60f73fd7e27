import { items } from "../../db/schema";
import { defineResource } from "../define";
import { deriveResource } from "../derive";

/**
 * The sample table: fields, enum and reference filters, sortable columns and the owner come from `items` itself.
 * Its words in each language (labels, categories, counts): messages/<locale>/resources.json, `items`.
 */
export const itemsResource = defineResource(
  deriveResource(items, {
    fields: {
      name: { maxLength: 64 },
      category: { inlineEdit: true },
      price: { required: true, inlineEdit: true, access: { change: "items:price" }, filter: "range" },
      inStock: { inlineEdit: true },
      description: { maxLength: 10_000 },
      owner: { related: "Owned items" },
      createdAt: { filter: { type: "date-range", param: "created" } },
      updatedAt: { list: false },
    },
    search: ["name", "category"],
    searchIndex: "items_search",
    defaultSort: "-createdAt",
    permissions: [{ name: "items:price", label: "Change prices" }],
  }),
);
