import fs from "node:fs";
import path from "node:path";

// Kernel and device file systems: SQLite cannot keep a database there (on /proc it spins forever).
const NOT_A_DISK = ["/proc", "/sys", "/dev"];

/** The deepest part of `file`'s directory that exists, with symbolic links resolved. */
function existingAncestor(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      return fs.realpathSync(at);
    } catch {
      if (path.dirname(at) === at) return at;
    }
  }
}

/**
 * Throws, naming the path and the cause, when an SQLite file cannot live at
 * `file`: on a kernel file system, or in a directory this process may not
 * create or write (SQLite's journal needs the directory, not only the file).
 */
export function checkSqlitePath(file: string): void {
  if (file === ":memory:") return;
  const full = path.resolve(file);
  const where = existingAncestor(path.dirname(full));
  if (NOT_A_DISK.some((root) => where === root || where.startsWith(`${root}/`))) {
    throw new Error(`the SQLite file ${full} would be under ${where}, which is not a disk`);
  }
  if (!fs.statSync(where, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`the SQLite file ${full} cannot be created: ${where} is not a directory`);
  try {
    fs.accessSync(where, fs.constants.W_OK | fs.constants.X_OK);
    if (fs.existsSync(full)) fs.accessSync(full, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    throw new Error(`the SQLite file ${full} cannot be written (${code} on ${fs.existsSync(full) ? full : where})`, { cause: error });
  }
}
