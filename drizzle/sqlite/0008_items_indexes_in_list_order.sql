DROP INDEX `items_owner_idx`;--> statement-breakpoint
CREATE INDEX `items_category_created_idx` ON `items` (`category`,`created_at`);--> statement-breakpoint
CREATE INDEX `items_in_stock_idx` ON `items` (`in_stock`);--> statement-breakpoint
CREATE INDEX `items_in_stock_created_idx` ON `items` (`in_stock`,`created_at`);--> statement-breakpoint
CREATE INDEX `items_owner_idx` ON `items` (`owner_id`,`created_at`);