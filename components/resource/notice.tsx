const NOTICES: Record<string, (count: number) => string> = {
  created: () => "Saved. The record was created.",
  updated: () => "Saved. Your changes were stored.",
  deleted: (n) => `Deleted ${n} ${n === 1 ? "record" : "records"}.`,
  bulk: (n) => `Updated ${n} ${n === 1 ? "record" : "records"}.`,
};

/** A confirmation after a redirect; only fixed texts, never text from the URL. */
export function Notice({ kind, count }: { kind?: string; count?: string }) {
  const make = kind ? NOTICES[kind] : undefined;
  if (!make) return null;
  const n = Math.max(0, Math.min(1_000_000, Number.parseInt(count ?? "1", 10) || 0));
  return (
    <p role="status" className="mb-4 rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900">
      {make(n)}
    </p>
  );
}
