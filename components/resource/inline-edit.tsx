"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState, useTransition, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { textFromDisplay, type InlineColumn } from "@/lib/resources/inline-edit";
import { VERSION_FIELD } from "@/lib/resources/version-field";
import { CellEditor, type Active, type Cell } from "./cell-editor";
import { cellFor, findCells, focusButton, newest, serverText } from "./inline-cells";
import { sentenceCase } from "@/lib/i18n/noun";

/**
 * Inline editing for a whole list, in one client component. The table stays
 * server markup (rows carry `data-id` and `data-v`, the version); this
 * wrapper finds the editable cells and draws into each, through a portal, a
 * button named "Edit price of <row>" that opens the editor in the cell. The
 * buttons are one Tab stop for the whole table (a roving tabindex: the arrow
 * keys move between them, as in a grid). Enter or Save saves, Tab saves and
 * opens the next cell (Shift+Tab the previous one), Escape or Cancel cancels.
 * An edit with typed text is never dropped: a click elsewhere leaves it open,
 * and opening another cell brings the user back to it. After a save the
 * server sends the list again, with the new value and version.
 */
export function InlineEdit({ fields, titleCol, action, className, children }: { fields: InlineColumn[]; titleCol: number; action: (state: ActionState, form: FormData) => Promise<ActionState>; className: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [cells, setCells] = useState<Cell[]>([]);
  const [active, setActive] = useState<Active | null>(null);
  // The one edit button reached by Tab.
  const [current, setCurrent] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Versions saved here, until the list sent again carries them.
  const versions = useRef(new Map<string, string>());
  const focusBack = useRef<string | null>(null);
  const hintId = useId();
  const t = useTranslations("inline");
  const inText = sentenceCase(useTranslations("values")("labelCase"));

  // The rows change when the server sends the list again (after a save).
  useLayoutEffect(() => setCells(root.current ? findCells(root.current, fields, titleCol) : []), [children, fields, titleCol]);

  useEffect(() => {
    if (focusBack.current && !active?.open) {
      focusButton(root.current, focusBack.current);
      focusBack.current = null;
    }
  });

  const tabbable = cells.some((c) => c.key === current) ? current : cells[0]?.key;

  const start = (cell: Cell): Active => {
    const initial = cell.td.dataset.raw ?? textFromDisplay(cell.field.type, serverText(cell.td));
    return { key: cell.key, version: newest(cell.row.dataset.v, versions.current.get(cell.id)), initial, text: initial, open: true, asked: 0 };
  };

  const open = (cell: Cell) => {
    if (pending) return;
    if (active?.open && active.key !== cell.key && active.text !== active.initial) {
      // Typed text is never dropped: back to the open edit, which says why.
      setActive({ ...active, note: t("keepFirst"), asked: active.asked + 1 });
      return;
    }
    setCurrent(cell.key);
    setActive(start(cell));
  };

  const close = () => {
    focusBack.current = active?.key ?? null;
    setActive(null);
  };

  /** Saves the open edit; `move` then opens the next (1) or previous (-1) editable cell. */
  const save = (cell: Cell, move: -1 | 0 | 1 = 0) => {
    const a = active;
    if (!a?.open || pending) return;
    const next = move ? cells[cells.findIndex((c) => c.key === cell.key) + move] : undefined;
    const mine = (cur: Active | null) => cur?.key === a.key;
    const done = () => {
      if (next) {
        setCurrent(next.key);
        setActive(start(next));
      } else {
        focusBack.current = a.key;
        setActive((cur) => (mine(cur) ? null : cur));
      }
    };
    if (a.text === a.initial) return done();
    const form = new FormData();
    form.set("id", cell.id);
    form.set("field", cell.field.key);
    form.set("value", a.text);
    form.set(VERSION_FIELD, a.version);
    startTransition(async () => {
      const result = await action(IDLE, form);
      // The record's version now: after a save, or after a conflict (nothing written).
      const version = result.values?.[VERSION_FIELD];
      if (typeof version === "string") versions.current.set(cell.id, newest(versions.current.get(cell.id), version));
      if (result.ok) {
        done();
      } else if (typeof version === "string") {
        // The list now shows the current value; the message stays in the cell.
        focusBack.current = a.key;
        setActive((cur) => (mine(cur) ? { ...cur!, open: false, error: result.message } : cur));
      } else {
        setActive((cur) => (mine(cur) ? { ...cur!, note: undefined, error: result.message ?? t("nothingSaved"), asked: cur!.asked + 1 } : cur));
      }
    });
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const to = cellFor(cells, index, e.key);
    if (!to) return;
    e.preventDefault();
    setCurrent(to.key);
    focusButton(root.current, to.key);
  };

  return (
    <div ref={root} className={className}>
      {children}
      <span id={hintId} hidden>
        {t("keyboard")}
      </span>
      {cells.map((cell, index) => {
        const mine = active?.key === cell.key ? active : null;
        return createPortal(
          mine?.open ? (
            <CellEditor cell={cell} active={mine} pending={pending} onText={(text) => setActive({ ...mine, text })} onSave={(move) => save(cell, move)} onCancel={close} />
          ) : (
            <>
              <button type="button" translate="yes" className="cell-edit" data-cell={cell.key} aria-label={t("edit", { label: inText(cell.field.label), row: cell.title })} aria-describedby={hintId} tabIndex={cell.key === tabbable ? 0 : -1} onFocus={() => setCurrent(cell.key)} onClick={() => open(cell)} onKeyDown={(e) => onButtonKey(e, index)} />
              {mine?.error ? (
                <p role="alert" className="cell-error" translate="yes">
                  {mine.error}
                </p>
              ) : null}
            </>
          ),
          cell.td,
          cell.key,
        );
      })}
    </div>
  );
}
