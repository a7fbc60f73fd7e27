import "./load-env";
import { closeDb, getDb } from "../lib/db";
import { runMigrations } from "../lib/db/migrate";
import { sqlitePath } from "../lib/env";

runMigrations(getDb());
closeDb();
console.log(`Database ${sqlitePath()} is up to date.`);
