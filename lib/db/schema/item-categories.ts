// Apart from the table so that reading them does not load lib/env (tests set DATABASE_URL first).
export const ITEM_CATEGORIES = [
  "books", "tools", "toys", "garden", "food", "music", "sports", "office", "home", "auto",
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
