/**
 * The confirmation a resource page shows after a write, from the `notice` and
 * `count` a redirect carries. Only known kinds make a text, and the count is
 * read as a bounded whole number, so nothing typed into the URL reaches the
 * page; the record's title comes from the database.
 */

import { plain, say, type Part } from "../audit/words";
import type { Locale } from "../i18n/locales";
import { wordOf } from "./catalogue";
import { countOf } from "./localize";

export const NOTICE_KINDS = ["created", "updated", "deleted", "bulk"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** More rows than one bulk action ever touches; a larger count is not believed. */
const MAX_COUNT = 100_000;

export function parseNoticeKind(raw: unknown): NoticeKind | null {
  return typeof raw === "string" && (NOTICE_KINDS as readonly string[]).includes(raw) ? (raw as NoticeKind) : null;
}

/** A whole number from 1 to MAX_COUNT, or null for anything else. */
export function parseNoticeCount(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[0-9]{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_COUNT ? n : null;
}

export interface NoticeNames {
  /** The resource's name ("items"): its count message in the catalogue. Without it, the English count. */
  name?: string;
  /** "Item" */
  singular: string;
  /** "Items" */
  label: string;
}

/**
 * The notice in `locale` (messages/<locale>/notices.json), naming the
 * resource with `names` as the page has them: pass the localized resource
 * (requireResource's, or getLocalResource) so the nouns are in `locale` too.
 * German forms use no article and an unchanging participle ("Rolle „x“
 * gespeichert."), right for every noun's gender. The record's title is a data
 * part, which the page shows `translate="no"` (lib/audit/said.tsx).
 */
export function noticeParts(kind: NoticeKind, names: NoticeNames, { title, count }: { title?: string | null; count?: number | null } = {}, locale: Locale = "en"): Part[] {
  const words = { locale, t: (key: string, values?: Record<string, string | number>) => wordOf(locale, ["notices", key], values) };
  switch (kind) {
    case "created":
    case "updated":
      return title ? say(words, kind, { singular: names.singular, title: { data: title } }) : say(words, `${kind}Untitled`, { singular: names.singular });
    case "deleted":
    case "bulk": {
      if (count === 1) return say(words, `${kind}One`, { singular: names.singular });
      if (!count) return say(words, `${kind}Unknown`, { label: names.label });
      return say(words, `${kind}Many`, { counted: countOf({ name: names.name ?? "", singular: names.singular }, count, locale) });
    }
  }
}

/** The notice as plain text (tests, logs). */
export function noticeText(...args: Parameters<typeof noticeParts>): string {
  return plain(noticeParts(...args));
}
