import type { InlineColumn } from "@/lib/resources/inline-edit";
import type { Cell } from "./cell-editor";

/** Finding the editable cells of a server-rendered list, and moving between them: no React here. */

/** The later of two versions (signed tokens that start with the version's milliseconds). */
export function newest(a: string | undefined, b: string | undefined): string {
  const ms = (v: string | undefined) => Number.parseInt(v ?? "0", 10) || 0;
  return ms(b) > ms(a) ? b! : (a ?? "");
}

/** Every editable cell, row by row and left to right: the order Tab and the arrow keys follow. */
export function findCells(root: HTMLElement, fields: InlineColumn[], titleCol: number): Cell[] {
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

/** The cell's text as the server drew it, without what InlineEdit drew into it. */
export function serverText(td: HTMLTableCellElement): string {
  return [...td.childNodes].filter((n) => !(n instanceof Element && n.matches(".cell-edit, .cell-error, .inline-editor"))).map((n) => n.textContent ?? "").join("");
}

/**
 * The cell an arrow key (or Home/End) moves to from `from`, as in the ARIA
 * grid pattern: left and right through the row's editable cells, up and down
 * to the same field in the row above or below. Undefined for any other key.
 */
export function cellFor(cells: Cell[], from: number, key: string): Cell | undefined {
  const here = cells[from];
  if (!here) return undefined;
  const sameField = (step: 1 | -1) => {
    for (let i = from + step; i >= 0 && i < cells.length; i += step) if (cells[i]!.field.key === here.field.key) return cells[i];
    return here;
  };
  switch (key) {
    case "ArrowRight":
      return cells[from + 1] ?? here;
    case "ArrowLeft":
      return cells[from - 1] ?? here;
    case "ArrowDown":
      return sameField(1);
    case "ArrowUp":
      return sameField(-1);
    case "Home":
      return cells[0];
    case "End":
      return cells.at(-1);
    default:
      return undefined;
  }
}

/** Focuses the edit button of the cell `key`, if it is drawn. */
export function focusButton(root: HTMLElement | null, key: string): boolean {
  const button = root?.querySelector<HTMLButtonElement>(`button[data-cell="${CSS.escape(key)}"]`);
  button?.focus();
  return !!button;
}
