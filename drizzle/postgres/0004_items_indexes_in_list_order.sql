DROP INDEX "items_owner_idx";--> statement-breakpoint
CREATE INDEX "items_category_created_idx" ON "items" USING btree ("category","created_at");--> statement-breakpoint
CREATE INDEX "items_in_stock_idx" ON "items" USING btree ("in_stock");--> statement-breakpoint
CREATE INDEX "items_in_stock_created_idx" ON "items" USING btree ("in_stock","created_at");--> statement-breakpoint
CREATE INDEX "items_owner_idx" ON "items" USING btree ("owner_id","created_at");