-- Custom SQL migration file, put your code below! --
-- Substring search over items (name, category): an FTS5 index with the trigram
-- tokenizer, kept in sync with the table by triggers. drizzle-kit cannot
-- describe virtual tables, so this migration is written by hand.
CREATE VIRTUAL TABLE `items_search` USING fts5(`name`, `category`, content='items', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `items_search`(`items_search`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `items_search_insert` AFTER INSERT ON `items` BEGIN
  INSERT INTO `items_search`(rowid, `name`, `category`) VALUES (new.`id`, new.`name`, new.`category`);
END;
--> statement-breakpoint
CREATE TRIGGER `items_search_delete` AFTER DELETE ON `items` BEGIN
  INSERT INTO `items_search`(`items_search`, rowid, `name`, `category`) VALUES ('delete', old.`id`, old.`name`, old.`category`);
END;
--> statement-breakpoint
CREATE TRIGGER `items_search_update` AFTER UPDATE OF `name`, `category` ON `items` BEGIN
  INSERT INTO `items_search`(`items_search`, rowid, `name`, `category`) VALUES ('delete', old.`id`, old.`name`, old.`category`);
  INSERT INTO `items_search`(rowid, `name`, `category`) VALUES (new.`id`, new.`name`, new.`category`);
END;
