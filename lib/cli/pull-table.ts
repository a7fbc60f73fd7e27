import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { databaseDialect, sqlitePath } from "../env";

/** drizzle-kit's own entry point, so the pull works where `npx` would try to download it. */
const DRIZZLE_KIT = path.join(path.dirname(createRequire(import.meta.url).resolve("drizzle-kit")), "bin.cjs");

/** drizzle-kit's --url: the database file for SQLite (relative to the project), the URL for PostgreSQL. */
function pullTarget(databaseUrl: string, root: string): { dialect: string; url: string } | undefined {
  if (databaseDialect(databaseUrl) === "postgres") return { dialect: "postgresql", url: databaseUrl };
  const file = path.resolve(root, sqlitePath(databaseUrl));
  // Pulling from a file that does not exist would create an empty database there.
  return fs.existsSync(file) ? { dialect: "sqlite", url: file } : undefined;
}

/**
 * drizzle-kit's generated schema.ts cut down to the table's declaration and
 * the imports it uses (it imports more than it needs, which a linter refuses).
 */
export function tableSource(generated: string, tableName: string): string | undefined {
  const quoted = tableName.replace(/[^\w]/g, "\\$&");
  // Up to the first top-level line that closes the call: `});`, or `]);` after indexes.
  const declaration = new RegExp(`^export const \\w+ = (sqlite|pg)Table\\("${quoted}",[\\s\\S]*?^\\S.*\\);$`, "m").exec(generated);
  if (!declaration) return undefined;
  const body = declaration[0];
  const imports = [...generated.matchAll(/^\s*import \{([^}]*)\} from "([^"]+)";?$/gm)].flatMap(([, names, from]) => {
    const used = names!.split(",").map((n) => n.trim()).filter((n) => n && new RegExp(`\\b${n}\\b`).test(body));
    return used.length ? [`import { ${used.join(", ")} } from "${from}";`] : [];
  });
  return `${imports.join("\n")}\n\n${body}\n`;
}

/**
 * The declaration drizzle-kit's pull writes for `tableName` from the database
 * `databaseUrl` names, or undefined when that database has no such table.
 */
export function pullTable(tableName: string, databaseUrl: string, root: string): string | undefined {
  const target = pullTarget(databaseUrl, root);
  if (!target) return undefined;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-pull-"));
  try {
    execFileSync(process.execPath, [DRIZZLE_KIT, "pull", "--dialect", target.dialect, "--url", target.url, "--tablesFilter", tableName, "--out", out], { cwd: root, stdio: "pipe" });
    const schema = path.join(out, "schema.ts");
    return fs.existsSync(schema) ? tableSource(fs.readFileSync(schema, "utf8"), tableName) : undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`drizzle-kit pull failed for ${tableName}${stderr ? `: ${stderr}` : ""}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
