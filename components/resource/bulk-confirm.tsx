import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { BulkConfirmation } from "@/lib/resources/bulk-actions";
import type { BulkNouns } from "./bulk-form";
import { sentenceCase } from "@/lib/i18n/noun";

/**
 * The question a destructive bulk action comes back with: the real number of
 * rows it will touch (for "all matching", counted again on the server), and
 * the same request again, confirmed. A plain form, so it works without
 * JavaScript.
 */
export function BulkConfirm({ confirm, back, nouns, pending, formAction, onSubmit }: { confirm: BulkConfirmation["confirm"]; back: string; nouns: BulkNouns; pending: boolean; formAction: (form: FormData) => void; onSubmit: (e: FormEvent<HTMLFormElement>) => void }) {
  const { count, label, all = false } = confirm;
  const t = useTranslations("bulk.confirm");
  const inText = sentenceCase(useTranslations("values")("labelCase"));
  return (
    <form action={formAction} onSubmit={onSubmit} className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-red-50 px-4 py-3 ring-1 ring-red-200 dark:bg-red-950 dark:ring-red-900" role="group" aria-label={t("group")}>
      <input type="hidden" name="action" value={confirm.action} />
      <input type="hidden" name="confirmed" value="yes" />
      <input type="hidden" name="back" value={back} />
      {all ? (
        <>
          <input type="hidden" name="scope" value="all" />
          <input type="hidden" name="count" value={count} />
        </>
      ) : (
        confirm.ids.map((id) => <input key={id} type="hidden" name="ids" value={id} />)
      )}
      <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-200">
        {confirm.changed ? `${t("changed")} ` : ""}
        {all ? t("questionAll", { action: label, count, label: nouns.label }) : t("question", { action: label, count, singular: nouns.singular, label: nouns.label })}
      </p>
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? t("working") : t("yes", { action: inText(label), count })}
      </button>
      <a href={back} className="btn-secondary">
        {t("cancel")}
      </a>
    </form>
  );
}
