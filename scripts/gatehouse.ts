import "./load-env";
import { createInterface } from "node:readline";
import { closeDb, getDb, type Db } from "../lib/db";
import { runMigrations } from "../lib/db/migrate";
import { runCli } from "../lib/cli/program";

async function readLine(prompt: string, hidden: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  if (hidden && process.stdin.isTTY) {
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
      if (s.startsWith(prompt)) process.stderr.write(prompt);
    };
  }
  return new Promise((resolve) => {
    let answered = false;
    rl.question(prompt, (answer) => {
      answered = true;
      rl.close();
      if (hidden && process.stdin.isTTY) process.stderr.write("\n");
      resolve(answer);
    });
    rl.on("close", () => {
      if (!answered) resolve("");
    });
  });
}

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return readLine("", false);
  const first = await readLine(prompt, true);
  const second = await readLine("Repeat password: ", true);
  if (first !== second) throw new Error("The two passwords do not match.");
  return first;
}

// Opened (and migrated) by the first command that needs the database, so `--help` touches nothing.
let ready: Promise<Db> | null = null;
const code = await runCli(
  process.argv.slice(2),
  () => (ready ??= runMigrations(getDb()).then(() => getDb())),
  { out: (l) => console.log(l), err: (l) => console.error(l), readPassword },
).catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
await closeDb();
process.exit(code);
