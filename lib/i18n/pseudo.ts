/**
 * The pseudo-locale's messages, made from English: each message wrapped in
 * `［…］` with its letters accented, while ICU syntax (arguments, plural and
 * select keywords, `#`) and rich-text tags stay as they are, so the message
 * still formats. A word shown without brackets did not come from the catalogue.
 */

const ACCENTS: Record<string, string> = {
  a: "á", e: "é", i: "í", o: "ó", u: "ú", y: "ý", c: "ç", n: "ñ", s: "š", z: "ž",
  A: "Á", E: "É", I: "Í", O: "Ó", U: "Ú", Y: "Ý", C: "Ç", N: "Ñ", S: "Š", Z: "Ž",
};

const accent = (text: string) => text.replace(/[a-zA-Z]/g, (ch) => ACCENTS[ch] ?? ch);

/** Index of the `}` closing the `{` at `open`, or -1. */
function closing(message: string, open: number): number {
  let depth = 0;
  for (let i = open; i < message.length; i++) {
    if (message[i] === "{") depth++;
    else if (message[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** `{name}`, `{n, number}` as they are; the branches of plural/select/selectordinal accented. */
function argument(body: string): string {
  const match = /^(\s*[\w.-]+\s*,\s*(?:plural|select|selectordinal)\s*,)([\s\S]*)$/.exec(body);
  if (!match) return `{${body}}`;
  let out = match[1]!;
  const rest = match[2]!;
  let i = 0;
  while (i < rest.length) {
    const open = rest.indexOf("{", i);
    if (open === -1) return `{${out}${rest.slice(i)}}`;
    const end = closing(rest, open);
    if (end === -1) return `{${out}${rest.slice(i)}}`;
    out += `${rest.slice(i, open)}{${text(rest.slice(open + 1, end))}}`;
    i = end + 1;
  }
  return `{${out}}`;
}

/** A message's text with its syntax kept. */
function text(message: string): string {
  let out = "";
  let i = 0;
  while (i < message.length) {
    const ch = message[i]!;
    if (ch === "{") {
      const end = closing(message, i);
      if (end === -1) return out + message.slice(i);
      out += argument(message.slice(i + 1, end));
      i = end + 1;
    } else if (ch === "<") {
      const tag = /^<\/?[A-Za-z][\w-]*\s*\/?>/.exec(message.slice(i));
      out += tag ? tag[0] : ch;
      i += tag ? tag[0].length : 1;
    } else if (ch === "'") {
      // ICU quoting: '{…}' and '' are literal and kept as written.
      const quoted = /^'(?:''|[^'])*'/.exec(message.slice(i));
      const literal = quoted && /^'[{}<#]/.test(quoted[0]) ? quoted[0] : ch;
      out += literal;
      i += literal.length;
    } else {
      const next = message.slice(i).search(/[{<']/);
      const plain = next === -1 ? message.slice(i) : message.slice(i, i + next);
      out += accent(plain);
      i += plain.length;
    }
  }
  return out;
}

export function pseudoMessage(message: string): string {
  return `［${text(message)}］`;
}

export type Messages = { [key: string]: string | Messages };

/** Every message of a catalogue, pseudo-localised; the keys stay. */
export function pseudoMessages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typeof value === "string" ? pseudoMessage(value) : pseudoMessages(value)]));
}
