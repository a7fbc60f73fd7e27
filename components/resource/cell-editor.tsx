import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { InlineColumn } from "@/lib/resources/inline-edit";
import { EnumOptions } from "./enum-options";

/** An editable cell found in the server-rendered table. */
export interface Cell {
  key: string;
  td: HTMLTableCellElement;
  row: HTMLTableRowElement;
  field: InlineColumn;
  id: string;
  title: string;
}

/** The cell being edited, or the one showing its last save's error. */
export interface Active {
  key: string;
  version: string;
  initial: string;
  text: string;
  open: boolean;
  error?: string;
  /** Why the user was brought back to this edit (another cell was asked for). */
  note?: string;
  /** Counts the times the user was sent back to the control, which then takes focus again. */
  asked: number;
}

/**
 * The editor drawn into a cell: the field's control, Save and Cancel, and the
 * last save's error, in the cell below the editor's box (never under it),
 * announced and tied to the control. Tab saves and moves on.
 */
export function CellEditor({ cell, active, pending, onText, onSave, onCancel }: { cell: Cell; active: Active; pending: boolean; onText: (text: string) => void; onSave: (move: -1 | 0 | 1) => void; onCancel: () => void }) {
  const ref = useRef<HTMLSpanElement>(null);
  const t = useTranslations("inline");
  const values = useTranslations("values");
  const errorId = useId();
  const hintId = useId();
  const { field } = cell;
  const { error, note, asked } = active;
  const message = error ?? note;

  useEffect(() => {
    const control = ref.current?.querySelector<HTMLInputElement | HTMLSelectElement>("input, select");
    control?.focus();
    // The whole editor, Save and Cancel too, on-screen (a phone shows a part of a wide list).
    ref.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    if (control instanceof HTMLInputElement && control.type === "text") control.select();
  }, [error, asked]);

  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && (e.target as Element).tagName !== "BUTTON") {
      // Also keeps Enter from submitting the surrounding bulk-action form.
      e.preventDefault();
      onSave(0);
    } else if (e.key === "Tab" && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      onSave(e.shiftKey ? -1 : 1);
    }
  };

  const common = {
    "aria-label": t("of", { field: field.label, row: cell.title }),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": message ? `${errorId} ${hintId}` : hintId,
  };
  let control: ReactNode;
  if (field.type === "boolean") {
    control = <input type="checkbox" checked={active.text === "true"} onChange={(e) => onText(e.target.checked ? "true" : "false")} {...common} />;
  } else if (field.type === "enum") {
    control = (
      <select className="input" value={active.text} onChange={(e) => onText(e.target.value)} {...common}>
        <EnumOptions options={field.options} labels={field.optionLabels} required={field.required} empty={values("empty")} />
      </select>
    );
  } else {
    const inputMode = field.type === "money" ? "decimal" : field.type === "number" ? "numeric" : undefined;
    control = <input type="text" className="input" inputMode={inputMode} value={active.text} onChange={(e) => onText(e.target.value)} {...common} />;
  }
  return (
    <>
      {/* The message in the cell itself, below the editor's box (which never covers it): the row grows, the list does not clip it. */}
      {message ? (
        <span role="alert" id={errorId} className="cell-error">
          {message}
        </span>
      ) : null}
      <span className="inline-editor" translate="yes" ref={ref} onKeyDown={onKeyDown}>
        {control}
        <button type="button" className="btn-primary" onClick={() => onSave(0)} aria-disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
        <span id={hintId} className="hint">
          {t("hint")}
        </span>
      </span>
    </>
  );
}
