-- Custom SQL migration file, put your code below! --
-- Substring search over items (name, category): trigram GIN indexes, which
-- PostgreSQL uses for ILIKE '%term%' once the term has three or more
-- characters. The twin of SQLite's FTS5 trigram index (0004_items_search.sql).
-- drizzle-kit does not describe extensions, so this migration is written by hand.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "items_name_trgm_idx" ON "items" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "items_category_trgm_idx" ON "items" USING gin ("category" gin_trgm_ops);
