import type { ReactNode } from "react";
import { Flash } from "@/components/flash";

/**
 * One section of /account: a card named by its heading, an optional intro,
 * the confirmation its own save redirected with (`saved`, which the page
 * picks from its `notice`), then the section's content.
 */
export function AccountSection({ id, heading, intro, saved, children }: { id: string; heading: string; intro?: ReactNode; saved?: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="card p-6">
      <h2 id={`${id}-heading`} className={intro ? "text-lg font-semibold" : "mb-4 text-lg font-semibold"}>
        {heading}
      </h2>
      {intro ? <p className="mt-1 mb-4 text-sm text-zinc-500 dark:text-zinc-400">{intro}</p> : null}
      {saved ? <Flash text={saved} className="mb-4" /> : null}
      {children}
    </section>
  );
}
