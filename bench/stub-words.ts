import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm run bench:stub-words -- <dir>`: a checkout of HEAD at <dir> in which
 * the items list's message lookups cost nothing: every server lookup answers
 * its key, and the list's client components have no message provider and no
 * lookups. Everything else (locale, time zone, formats, the session read) is
 * as on HEAD. Then
 *
 *     npm run bench:compare -- <dir> "/admin/items?per=50"
 *
 * measures what the lookups alone add to the list. The floor is built from the
 * same commit, so it moves with the code instead of being a number written down.
 *
 * Each edit below must find its text: when the code it stubs changes, this
 * stops with the file it could not edit rather than measure a half stub.
 */

const dir = process.argv[2];
if (!dir || fs.existsSync(dir)) {
  process.stderr.write("usage: npm run bench:stub-words -- <new directory>\n");
  process.exit(2);
}

const STUB = `Object.assign((key: string) => key, { rich: (key: string) => key, markup: (key: string) => key, raw: (key: string) => key, has: () => true })`;

/** The list's client components: they get a lookup that answers its key. */
const LIST_CLIENT_COMPONENTS = ["bulk-form", "bulk-confirm", "bulk-set-field", "inline-edit", "cell-editor"].map((name) => `components/resource/${name}.tsx`);

const edits: [file: string, from: string, to: string][] = [
  ["lib/i18n/server.ts", "export async function getTranslations<NS extends Namespace>(namespace: NS): Promise<ServerTranslator<NS>> {\n", `const stubWords = ${STUB};\nexport async function getTranslations<NS extends Namespace>(namespace: NS): Promise<ServerTranslator<NS>> {\n  if (namespace !== ("" as never)) return stubWords as never;\n`],
  ["lib/i18n/server.ts", "export function useServerTranslations<NS extends Namespace>(namespace: NS): ServerTranslator<NS> {\n", `export function useServerTranslations<NS extends Namespace>(namespace: NS): ServerTranslator<NS> {\n  if (namespace !== ("" as never)) return stubWords as never;\n`],
  ...LIST_CLIENT_COMPONENTS.map((file): [string, string, string] => [file, 'import { useTranslations } from "next-intl";', 'import { useTranslations } from "@/lib/i18n/stub-words";']),
  ["app/admin/[resource]/page.tsx", "<ClientMessages namespaces={LIST_CLIENT_MESSAGES}>", "<>"],
  ["app/admin/[resource]/page.tsx", "</ClientMessages>", "</>"],
];

execFileSync("git", ["worktree", "add", "--detach", dir, "HEAD"], { stdio: "inherit" });
for (const [file, from, to] of edits) {
  const at = path.join(dir, file);
  const text = fs.readFileSync(at, "utf8");
  if (!text.includes(from)) {
    process.stderr.write(`${file} no longer holds the text this stubs:\n  ${from.trim()}\n`);
    process.exit(1);
  }
  fs.writeFileSync(at, text.replace(from, to));
}
fs.writeFileSync(path.join(dir, "lib/i18n/stub-words.ts"), `const stubWords = ${STUB};\n\n// eslint-disable-next-line @typescript-eslint/no-unused-vars\nexport function useTranslations(namespace?: string): any {\n  return stubWords;\n}\n`);
process.stderr.write(`Copying node_modules into ${dir}…\n`);
fs.cpSync("node_modules", path.join(dir, "node_modules"), { recursive: true, verbatimSymlinks: true });
process.stdout.write(`${dir}: HEAD with the list's message lookups stubbed. Now:\n  npm run bench:compare -- ${dir} "/admin/items?per=50"\n`);
