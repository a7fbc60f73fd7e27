"use client";

import { useEffect, useLayoutEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { editLabel, textFromDisplay, type InlineColumn } from "@/lib/resources/inline-edit";
import { VERSION_FIELD } from "@/lib/resources/version-field";
import { CellEditor, type Active, type Cell } from "./cell-editor";

type Field = InlineColumn;

/** The later of two versions (signed tokens that start with the version's milliseconds). */
function newest(a: string | undefined, b: string | undefined): string {
  const ms = (v: string | undefined) => Number.parseInt(v ?? "0", 10) || 0;
  return ms(b) > ms(a) ? b! : (a ?? "");
}

function findCells(root: HTMLElement, fields: Field[], titleCol: number): Cell[] {
  const cells: Cell[] = [];
  for (const row of root.querySelectorAll<HTMLTableRowElement>("tbody > tr[data-id]")) {
    const id = row.dataset.id!;
    const title = row.cells[titleCol]?.textContent?.trim() || id;
    for (const field of fields) {
      const td = row.cells[field.col];
      if (td) cells.push({ key: `${id}:${field.key}`, td, row, field, id, title });
    }
  }
  return cells;
}

/** The cell's text as the server drew it, without what this component drew into it. */
function serverText(td: HTMLTableCellElement): string {
  return [...td.childNodes].filter((n) => !(n instanceof Element && n.matches(".cell-edit, .cell-error, .inline-editor"))).map((n) => n.textContent ?? "").join("");
}

/**
 * Inline editing for a whole list, in one client component. The table stays
 * server markup (rows carry `data-id` and `data-v`, the version); this
 * wrapper finds the editable cells and draws into each, through a portal, a
 * button named "Edit price of <row>" that opens the editor in the cell. Enter
 * or Save saves, Escape or Cancel cancels; after a save the server sends the
 * list again, with the new value and version.
 */
export function InlineEdit({ fields, titleCol, action, className, children }: { fields: Field[]; titleCol: number; action: (state: ActionState, form: FormData) => Promise<ActionState>; className: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [cells, setCells] = useState<Cell[]>([]);
  const [active, setActive] = useState<Active | null>(null);
  const [pending, startTransition] = useTransition();
  // Versions saved here, until the list sent again carries them.
  const versions = useRef(new Map<string, string>());
  const focusBack = useRef<string | null>(null);

  // The rows change when the server sends the list again (after a save).
  useLayoutEffect(() => setCells(root.current ? findCells(root.current, fields, titleCol) : []), [children, fields, titleCol]);

  useEffect(() => {
    if (focusBack.current && !active?.open) {
      root.current?.querySelector<HTMLButtonElement>(`button[data-cell="${CSS.escape(focusBack.current)}"]`)?.focus();
      focusBack.current = null;
    }
  });

  const open = (cell: Cell) => {
    if (pending) return;
    const initial = cell.td.dataset.raw ?? textFromDisplay(cell.field.type, serverText(cell.td));
    setActive({ key: cell.key, version: newest(cell.row.dataset.v, versions.current.get(cell.id)), initial, text: initial, open: true });
  };

  const close = () => {
    focusBack.current = active?.key ?? null;
    setActive(null);
  };

  const save = (cell: Cell) => {
    const a = active;
    if (!a?.open || pending) return;
    if (a.text === a.initial) return close();
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
      const mine = (cur: Active | null) => cur?.key === a.key;
      if (result.ok) {
        focusBack.current = a.key;
        setActive((cur) => (mine(cur) ? null : cur));
      } else if (typeof version === "string") {
        // The list now shows the current value; the message stays in the cell.
        focusBack.current = a.key;
        setActive((cur) => (mine(cur) ? { ...cur!, open: false, error: result.message } : cur));
      } else {
        setActive((cur) => (mine(cur) ? { ...cur!, error: result.message ?? "Nothing was saved." } : cur));
      }
    });
  };

  return (
    <div ref={root} className={className}>
      {children}
      {cells.map((cell) => {
        const mine = active?.key === cell.key ? active : null;
        const label = editLabel(cell.field.label, cell.title);
        return createPortal(
          mine?.open ? (
            <CellEditor cell={cell} active={mine} pending={pending} onText={(text) => setActive({ ...mine, text })} onSave={() => save(cell)} onCancel={close} />
          ) : (
            <>
              <button type="button" className="cell-edit" data-cell={cell.key} aria-label={label} onClick={() => open(cell)} />
              {mine?.error ? (
                <p role="alert" className="cell-error">
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
