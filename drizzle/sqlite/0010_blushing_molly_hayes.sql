CREATE TABLE `suppliers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`contact_email` text,
	`status` text DEFAULT 'active' NOT NULL,
	`since` integer NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `suppliers_name_idx` ON `suppliers` (`name`);--> statement-breakpoint
CREATE INDEX `suppliers_status_idx` ON `suppliers` (`status`);--> statement-breakpoint
CREATE INDEX `suppliers_status_created_idx` ON `suppliers` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `suppliers_since_idx` ON `suppliers` (`since`);--> statement-breakpoint
CREATE INDEX `suppliers_created_idx` ON `suppliers` (`created_at`);--> statement-breakpoint
ALTER TABLE `items` ADD `supplier_id` integer REFERENCES suppliers(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `items_supplier_idx` ON `items` (`supplier_id`,`created_at`);