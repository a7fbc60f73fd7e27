import type { Page } from "@playwright/test";

/**
 * The forgotten-string guard. In the pseudo-locale (en-XA, served to tests with
 * GATEHOUSE_PSEUDO_LOCALE=1, see lib/i18n/pseudo.ts) every message is wrapped in
 * `［…］` and its letters a e i o u y c n s z (either case) are accented. So a
 * visible word that still holds one of those letters plain, outside a bracketed
 * message, was written into the code instead of the catalogue.
 *
 * Not words, so not checked: anything inside an element with `translate="no"`
 * (data values: titles, e-mails, cell values; `translate="yes"` inside it counts
 * again), inside `<time>` (dates are formatted, not translated), `<script>`,
 * `<style>`, `<noscript>`, `<template>`, and what a user typed into a field.
 * Inside a message's brackets everything passes: a value a message interpolates
 * (`Signed in as {email}`) is data by then, and an attribute cannot hold a
 * `translate="no"` element. Words without any of those letters ("HTML", "42",
 * "·") pass in any case.
 */

export interface Untranslated {
  /** Where: a CSS path to the element, plus `@attribute` for an attribute, or `title` for the document's. */
  where: string;
  /** The whole text the offending words were found in (trimmed, shortened). */
  text: string;
  /** The words that hold a plain letter outside brackets. */
  words: string[];
}

/**
 * Every visible string on the page as it is now that did not come from the
 * messages, in document order. Runs in the browser in one evaluate.
 */
export async function untranslatedStrings(page: Page): Promise<Untranslated[]> {
  return page.evaluate(() => {
    const OPEN = "［";
    const CLOSE = "］";
    const PLAIN = /[aeiouycnszAEIOUYCNSZ]/;
    const ATTRIBUTES = ["title", "placeholder", "aria-label", "aria-description", "alt", "label", "aria-placeholder", "aria-roledescription", "aria-valuetext"];
    const SKIPPED = "script, style, noscript, template, time, textarea";
    const found: { where: string; text: string; words: string[] }[] = [];

    /** A short CSS path: from the nearest ancestor with an id, else from body. */
    function cssPath(el: Element): string {
      const parts: string[] = [];
      for (let node: Element | null = el; node && node !== document.documentElement; node = node.parentElement) {
        if (node.id) {
          parts.unshift(`#${CSS.escape(node.id)}`);
          break;
        }
        const tag = node.tagName.toLowerCase();
        const parent: Element | null = node.parentElement;
        const twins = parent ? [...parent.children].filter((c) => c.tagName === node!.tagName) : [];
        parts.unshift(twins.length > 1 ? `${tag}:nth-of-type(${twins.indexOf(node) + 1})` : tag);
        if (tag === "body") break;
      }
      return parts.join(" > ");
    }

    /** Not a word: data, a date, code, or typed input. */
    function exempt(el: Element): boolean {
      if (el.closest(SKIPPED)) return true;
      return el.closest("[translate]")?.getAttribute("translate") === "no";
    }

    function visible(el: Element): boolean {
      // An <option> has no box of its own: it shows when its <select> does.
      const box = el.closest("select") ?? el;
      return box.checkVisibility({ checkVisibilityCSS: true });
    }

    /** Words outside the brackets that hold a plain letter; `depth` carries the bracket nesting across text nodes. */
    function plainWords(text: string, depth: number): { words: string[]; depth: number } {
      const words: string[] = [];
      let word = "";
      let counted = true;
      const end = () => {
        if (word && counted && PLAIN.test(word)) words.push(word);
        word = "";
        counted = depth === 0;
      };
      counted = depth === 0;
      for (const ch of text) {
        if (ch === OPEN) {
          end();
          depth++;
          counted = false;
        } else if (ch === CLOSE) {
          end();
          depth = Math.max(0, depth - 1);
          counted = depth === 0;
        } else if (/\s/.test(ch)) end();
        else {
          if (depth > 0) counted = false;
          word += ch;
        }
      }
      end();
      return { words, depth };
    }

    const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);
    /** One entry per element: React splits `New {label}` into two text nodes of one element. */
    const report = (where: string, text: string, words: string[]) => {
      if (!words.length) return;
      const trimmed = text.replace(/\s+/g, " ").trim();
      const last = found.at(-1);
      if (last?.where === where && !where.includes("@")) {
        last.text = shorten(`${last.text} ${trimmed}`);
        last.words.push(...words);
      } else found.push({ where, text: shorten(trimmed), words });
    };

    // Text nodes in document order; the bracket depth is followed through every
    // one (a message with rich text spans several), checked only where visible.
    let depth = 0;
    let opened: Element | null = null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("script, style, noscript, template")) continue;
      const text = node.nodeValue ?? "";
      const before = depth;
      const result = plainWords(text, depth);
      depth = result.depth;
      if (before === 0 && depth > 0) opened = el;
      if (result.words.length && !exempt(el) && visible(el)) report(cssPath(el), text, result.words);
    }
    if (depth > 0 && opened) report(cssPath(opened), `an opening ${OPEN} that no ${CLOSE} closes`, [OPEN]);

    for (const el of document.body.querySelectorAll("*")) {
      if (exempt(el) || !visible(el)) continue;
      const names = [...ATTRIBUTES];
      if (el instanceof HTMLInputElement && ["submit", "button", "reset"].includes(el.type)) names.push("value");
      for (const name of names) {
        const value = el.getAttribute(name);
        if (value) report(`${cssPath(el)} @${name}`, value, plainWords(value, 0).words);
      }
    }
    report("title", document.title, plainWords(document.title, 0).words);
    return found;
  });
}

/** One line per offending string, for a test's failure message. */
export function describeUntranslated(found: Untranslated[]): string {
  return found.map((f) => `  ${JSON.stringify(f.text)} at ${f.where} (${f.words.join(" ")})`).join("\n");
}
