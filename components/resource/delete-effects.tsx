import type { DeleteEffect } from "@/lib/resources/engine/delete-effects";
import { countOf } from "@/lib/resources/words";

const NUMBER = new Intl.NumberFormat("en-US");

/** Every sentence of the delete confirmation page, in one place. */
const WORDS = {
  none: "Nothing else refers to it.",
  heading: "What else changes",
  more: (n: number) => `and ${NUMBER.format(n)} more`,
  sentence: (e: DeleteEffect, what: string): string => {
    const n = countOf(e.count, e.singular, e.capped);
    const field = e.field.toLowerCase();
    const plural = e.count !== 1 || e.capped;
    switch (e.kind) {
      case "cleared":
        return `${n} will lose ${plural ? "their" : "its"} ${field}.`;
      case "reset":
        return `${n} will have ${plural ? "their" : "its"} ${field} reset.`;
      case "deleted":
        return `${n} will be deleted too.`;
      case "unlinked":
        return `${n} will lose this ${what}.`;
      case "blocks":
        return `${n} still ${plural ? "refer" : "refers"} to this ${what} by ${field}: it cannot be deleted while they do.`;
    }
  },
};

/** The affected records of a delete, each kind a sentence with a count and at most a few names the viewer may see. */
export function DeleteEffects({ effects, what }: { effects: DeleteEffect[]; what: string }) {
  if (effects.length === 0) return <p className="text-sm">{WORDS.none}</p>;
  return (
    <section aria-labelledby="delete-effects-heading" className="delete-effects">
      <h2 id="delete-effects-heading">{WORDS.heading}</h2>
      <ul>
        {effects.map((e) => {
          const rest = e.count - e.names.length;
          return (
            <li key={`${e.resource}:${e.field}`}>
              <p>{WORDS.sentence(e, what)}</p>
              {e.names.length ? (
                <ul className="delete-effects-names">
                  {e.names.map((r) => (
                    <li key={String(r.id)}>
                      <a href={r.href} className="link break-all">
                        {r.title}
                      </a>
                    </li>
                  ))}
                  {rest > 0 ? <li>{WORDS.more(rest)}{e.capped ? "+" : ""}</li> : null}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
