import { execFileSync } from "node:child_process";
import { E2E_ENV } from "../env";

/** Runs the gatehouse CLI against the e2e database; returns stdout, throws on a non-zero exit. */
export function cli(args: string[], input = ""): string {
  return execFileSync(process.execPath, ["--import", "tsx", "scripts/gatehouse.ts", ...args], {
    env: { ...process.env, ...E2E_ENV, NODE_ENV: "test" },
    input,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
}

let counter = 0;
/** A unique email for a user that only one test touches. */
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `${tag}-${process.pid}-${Date.now()}-${counter}@example.test`;
}

export const STRONG_PASSWORD = "Correct-Horse-Battery-42";
