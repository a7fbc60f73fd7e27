import { useTranslations } from "next-intl";

/** A field's error, which the input names in aria-describedby as `${id}-error`. */
function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
      {error}
    </p>
  ) : null;
}

/** The "Authentication code" field with its error tied to it; words from messages `twoFactor.forms`. */
export function CodeField({ id, error, help }: { id: string; error?: string; help?: string }) {
  const t = useTranslations("twoFactor.forms");
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="label">
        {t("code")}
      </label>
      <input id={id} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required maxLength={64} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="input mt-1 max-w-xs" />
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {help}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The "Current password" field these forms ask for, so that a stolen session cannot change two-factor. */
export function CurrentPasswordField({ id, error }: { id: string; error?: string }) {
  const t = useTranslations("twoFactor.forms");
  return (
    <div>
      <label htmlFor={id} className="label">
        {t("password")}
      </label>
      <input id={id} name="password" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="input mt-1 max-w-xs" />
      <FieldError id={id} error={error} />
    </div>
  );
}
