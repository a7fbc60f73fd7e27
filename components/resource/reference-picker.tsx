"use client";

import { useEffect, useId, useRef, useState } from "react";

interface Option {
  id: string | number;
  label: string;
}

/**
 * A searchable picker for a reference: types ahead against the server (which
 * returns at most 20 matches, so it works on tables of any size) and keeps the
 * chosen id in a hidden input named `name`.
 */
export function ReferencePicker({
  name,
  label,
  lookup,
  initialId,
  initialLabel,
  invalid,
  describedBy,
}: {
  name: string;
  label: string;
  lookup: string;
  initialId?: string;
  initialLabel?: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const id = useId();
  const [selected, setSelected] = useState<Option | null>(initialId ? { id: initialId, label: initialLabel ?? initialId } : null);
  const [text, setText] = useState("");
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const request = useRef(0);

  useEffect(() => {
    if (!open) return;
    const n = ++request.current;
    const timer = setTimeout(async () => {
      const res = await fetch(`${lookup}&q=${encodeURIComponent(text)}`, { headers: { accept: "application/json" } });
      if (!res.ok || n !== request.current) return;
      const data = (await res.json()) as { options: Option[] };
      setOptions(data.options);
      setActive(0);
    }, 150);
    return () => clearTimeout(timer);
  }, [text, open, lookup]);

  const choose = (o: Option | null) => {
    setSelected(o);
    setText("");
    setOpen(false);
  };

  return (
    <div className="relative">
      <input type="hidden" name={name} value={selected ? String(selected.id) : ""} />
      {selected ? (
        <div className="flex items-center gap-2">
          <span className="input flex-1 truncate" id={`${id}-current`}>
            {selected.label}
          </span>
          <button type="button" className="btn-secondary" onClick={() => choose(null)} aria-label={`Clear ${label}`}>
            Clear
          </button>
        </div>
      ) : (
        <input
          id={name}
          type="search"
          role="combobox"
          aria-label={label}
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          placeholder="Type to search…"
          className="input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
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
      {open && !selected ? (
        <ul id={`${id}-list`} role="listbox" aria-label={`${label} options`} className="card absolute z-10 mt-1 max-h-64 w-full overflow-auto py-1">
          {options.length === 0 ? <li className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">No match</li> : null}
          {options.map((o, i) => (
            <li
              key={String(o.id)}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-indigo-50 dark:aria-selected:bg-indigo-950"
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
