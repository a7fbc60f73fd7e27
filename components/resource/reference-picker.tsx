"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { LABEL_SUFFIX, WAS_SUFFIX } from "@/lib/resources/reference-input";

interface Option {
  id: string | number;
  label: string;
}

/** The server's last answer and the text it answered: while the text differs, a search is running. */
interface Answer {
  q: string;
  options: Option[];
  failed?: boolean;
}

const subscribeNothing = () => () => {};

/**
 * A searchable picker for a reference. Without JavaScript it is a text field
 * (named `<name>__label`) for the row's exact title or search field, which the
 * server resolves on submit. Once hydrated it becomes a combobox that types
 * ahead against the server (at most 20 matches, so it works on tables of any
 * size) and keeps the chosen id in a hidden input named `name`. Its words:
 * the `picker` messages; the rows' titles are data, never translated.
 */
export function ReferencePicker({
  name,
  label,
  lookup,
  initialId,
  initialLabel,
  typed,
  hint,
  invalid,
  describedBy,
  autoFocus,
}: {
  name: string;
  label: string;
  lookup: string;
  initialId?: string;
  initialLabel?: string;
  /** What was typed into the plain field before a failed submit. */
  typed?: string;
  hint?: string;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations("picker");
  const id = useId();
  // True once hydrated: the server's HTML (and a browser without JavaScript) keeps the plain field.
  const enhanced = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const [selected, setSelected] = useState<Option | null>(initialId ? { id: initialId, label: initialLabel ?? initialId } : null);
  const [text, setText] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const options = answer?.options ?? [];
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const request = useRef(0);
  // Closing on blur waits for a click on an option; coming back before then keeps it open.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hintId = `${name}-hint`;

  useEffect(() => {
    if (!open) return;
    const n = ++request.current;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${lookup}&q=${encodeURIComponent(text)}`, { headers: { accept: "application/json" } });
        const data = res.ok ? ((await res.json()) as { options: Option[] }) : null;
        if (n !== request.current) return;
        setAnswer({ q: text, options: data?.options ?? [], failed: !data });
        setActive(0);
      } catch {
        if (n === request.current) setAnswer({ q: text, options: [], failed: true });
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [text, open, lookup]);

  const choose = (o: Option | null) => {
    setSelected(o);
    setText("");
    setOpen(false);
  };

  if (!enhanced) {
    const described = [describedBy, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
    return (
      <>
        {initialId ? (
          <>
            <input type="hidden" name={name} value={initialId} />
            <input type="hidden" name={`${name}${WAS_SUFFIX}`} value={initialLabel ?? initialId} />
          </>
        ) : null}
        <input id={name} name={`${name}${LABEL_SUFFIX}`} type="text" autoComplete="off" defaultValue={typed ?? (initialId ? initialLabel : "")} aria-labelledby={`${name}-label`} aria-invalid={invalid || undefined} aria-describedby={described} autoFocus={autoFocus} className="input mt-1" />
        {hint ? (
          <p id={hintId} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            {hint}
          </p>
        ) : null}
      </>
    );
  }

  const message = answer?.q !== text ? t("searching") : answer.failed ? t("failed") : options.length === 0 ? t("none") : null;
  return (
    <div className="relative mt-1">
      <input type="hidden" name={name} value={selected ? String(selected.id) : ""} />
      {selected ? (
        <div className="flex items-center gap-2">
          <span className="input flex-1 truncate" id={`${id}-current`} translate="no">
            {selected.label}
          </span>
          <button type="button" className="btn-secondary" onClick={() => choose(null)} aria-label={t("clearLabel", { label })}>
            {t("clear")}
          </button>
        </div>
      ) : (
        <input
          id={name}
          type="search"
          role="combobox"
          aria-label={label}
          aria-expanded={open && options.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoFocus={autoFocus}
          placeholder={t("placeholder")}
          className="input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => {
            clearTimeout(closing.current);
            setOpen(true);
          }}
          onBlur={() => {
            closing.current = setTimeout(() => setOpen(false), 150);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
            else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
            else if (e.key === "Enter" && open && options[active]) choose(options[active]!);
            else if (e.key === "Escape") setOpen(false);
            else return;
            e.preventDefault();
          }}
        />
      )}
      {/* A live region that is always there (announced when it fills), without the status role a page's notice has. */}
      <div aria-live="polite">{open && !selected && message ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{message}</p> : null}</div>
      {open && !selected && options.length > 0 ? (
        <ul id={`${id}-list`} role="listbox" aria-label={t("options", { label })} className="card absolute z-10 mt-1 max-h-64 w-full overflow-auto py-1">
          {options.map((o, i) => (
            <li
              key={String(o.id)}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-indigo-50 dark:aria-selected:bg-indigo-950"
              translate="no"
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              {o.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
