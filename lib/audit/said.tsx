import type { Part } from "./words";

/**
 * A sentence's parts as elements: the words as text, data values (titles,
 * e-mails, old and new values) in `translate="no"`, a record's title as its
 * link.
 */
export function Said({ parts }: { parts: Part[] }) {
  return parts.map((part, i) =>
    typeof part === "string" ? (
      part
    ) : part.href ? (
      <a key={i} href={part.href} className="link" translate="no">
        {part.data}
      </a>
    ) : (
      <span key={i} translate="no">
        {part.data}
      </span>
    ),
  );
}
