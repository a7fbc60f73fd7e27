DROP INDEX `items_category_price_idx`;--> statement-breakpoint
CREATE INDEX `items_category_price_idx` ON `items` (`category`,`price_cents`,`created_at`);