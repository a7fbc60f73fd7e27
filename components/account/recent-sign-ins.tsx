import { listOwnSignIns } from "@/lib/audit/queries";
import { LocalTime } from "@/components/local-time";

const WORDS = { heading: "Recent sign-ins", none: "No sign-ins recorded yet.", from: "from", unknownAddress: "an unknown address", intro: "Your own last sign-ins. One you do not recognise? Change your password and sign out everywhere." };

/** The signed-in user's own newest sign-ins from the audit log (time and address): nobody else's. */
export async function RecentSignIns({ userId }: { userId: string }) {
  const entries = await listOwnSignIns(userId);
  return (
    <section aria-labelledby="sign-ins-heading" className="card p-6">
      <h2 id="sign-ins-heading" className="text-lg font-semibold">
        {WORDS.heading}
      </h2>
      <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{WORDS.intro}</p>
      {entries.length === 0 ? (
        <p className="mt-3 text-sm">{WORDS.none}</p>
      ) : (
        <ol className="mt-3 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {entries.map((e) => (
            <li key={e.id} className="py-2 break-words">
              <LocalTime iso={e.at.toISOString()} /> {WORDS.from} {e.address ?? WORDS.unknownAddress}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
