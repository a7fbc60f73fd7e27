const STYLES = {
  box: "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300",
  inline: "text-sm text-red-600 dark:text-red-400",
};

/** A form's error summary in a live region, so screen readers announce it when it appears. */
export function FormAlert({ message, variant = "box", className = "" }: { message?: string | null; variant?: keyof typeof STYLES; className?: string }) {
  return (
    <div aria-live="polite">
      {message ? (
        <p role="alert" className={`${STYLES[variant]} ${className}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
