/** A plain form POST to /sign-out, which answers with a full page load of /login; `label` in the reader's language. */
export function SignOutButton({ className = "btn-secondary", label, everywhere = false }: { className?: string; label: string; everywhere?: boolean }) {
  return (
    <form method="post" action="/sign-out">
      {everywhere ? <input type="hidden" name="everywhere" value="1" /> : null}
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
