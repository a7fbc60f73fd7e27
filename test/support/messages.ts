import fs from "node:fs";
import type { Messages } from "../../lib/i18n/pseudo";

/** A locale's namespace files, messages/<code>/<namespace>.json, as one catalogue. */
export const catalogue = (code: string): Messages =>
  Object.fromEntries(
    fs
      .readdirSync(`messages/${code}`)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.slice(0, -".json".length), JSON.parse(fs.readFileSync(`messages/${code}/${f}`, "utf8")) as Messages]),
  );

/** Every message by its dotted key. */
export function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The arguments a message asks for: `name` or `name:kind`, plural and select branches included; rich-text tags as `<tag>`. */
export function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const scan = (text: string) => {
    for (const tag of text.matchAll(/<([A-Za-z][\w-]*)>/g)) found.add(`<${tag[1]}>`);
    let depth = 0;
    let start = -1;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "'" && /['{}]/.test(text[i + 1] ?? "")) {
        const close = text.indexOf("'", i + 1);
        i = close === -1 ? text.length : close;
        continue;
      }
      if (text[i] === "{" && depth++ === 0) start = i;
      else if (text[i] === "}" && --depth === 0) {
        const body = text.slice(start + 1, i);
        const [name = "", kind = "", ...rest] = body.split(",");
        found.add(kind.trim() ? `${name.trim()}:${kind.trim()}` : name.trim());
        if (/^(plural|select|selectordinal)$/.test(kind.trim())) {
          for (const branch of rest.join(",").matchAll(/\{((?:[^{}]|\{[^{}]*\})*)\}/g)) scan(branch[1]!);
        }
      }
    }
  };
  scan(message);
  return [...found].sort();
}

/** Sample values for a message's arguments: a number for plural, select-free kinds, a date for dates, "x" otherwise; tags pass their text through. */
export function sampleValues(message: string, n = 1, when = new Date(Date.UTC(2026, 11, 4, 22, 30))): Record<string, unknown> {
  return Object.fromEntries(
    icuArguments(message).map((a) => {
      if (a.startsWith("<")) return [a.slice(1, -1), (c: unknown) => c];
      const [name, kind] = a.split(":");
      if (kind === "date" || kind === "time") return [name, when];
      return [name, kind ? n : "x"];
    }),
  );
}
