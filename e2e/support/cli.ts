import { callBridge } from "./bridge";

/**
 * Runs the gatehouse CLI (lib/cli/program.ts, as scripts/gatehouse.ts does)
 * against the e2e database, in the test process's bridge worker; returns
 * stdout, throws with the exit code and stderr on a non-zero exit.
 */
export function cli(args: string[], input = ""): string {
  const run = callBridge<{ code: number; stdout: string; stderr: string }>({ kind: "cli", args, input });
  if (run.code !== 0) throw Object.assign(new Error(`gatehouse ${args.join(" ")} exited with ${run.code}: ${run.stderr}`), run);
  return run.stdout;
}

let counter = 0;
/** A unique email for a user that only one test touches. */
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `${tag}-${process.pid}-${Date.now()}-${counter}@example.test`;
}

export const STRONG_PASSWORD = "Correct-Horse-Battery-42";
