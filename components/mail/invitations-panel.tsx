import { getTranslations } from "@/lib/i18n/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { mailEnabled } from "@/lib/mail/config";
import { pendingInvitations } from "@/lib/mail/invitations";
import { mayAct } from "@/lib/permissions";
import { currentLocale } from "@/lib/i18n/server";
import { getResource } from "@/lib/resources/registry";
import type { Editor } from "@/lib/resources/types";
import { formatInstant } from "@/lib/time-format";
import { loadTimeZone } from "@/lib/time-zone";
import { InvitationButton, InviteForm } from "./invitation-forms";

/**
 * Above the users list: "Invite" (users:create) and the pending invitations,
 * each with "Send again" and "Revoke". Hidden where no mail can be sent.
 */
export async function InvitationsPanel({ viewer }: { viewer: Editor }) {
  const users = getResource("users");
  const mayCreate = !!users && mayAct(viewer.access, users, "create");
  const mayUpdate = !!users && mayAct(viewer.access, users, "update");
  if (!mailEnabled() || !mayCreate) return null;
  const [t, pending, timeZone, locale] = await Promise.all([getTranslations("mail.invitations"), pendingInvitations(getDb()), loadTimeZone(), currentLocale()]);
  return (
    <ClientMessages namespaces={["mail.invitations"]}>
      <section aria-labelledby="invitations-heading" className="mb-6 space-y-3">
        <details className="card p-4">
          <summary className="btn-secondary inline-flex cursor-pointer">{t("invite")}</summary>
          <h2 className="mt-4 font-semibold">{t("inviteHeading")}</h2>
          <p className="mb-3 text-sm text-zinc-500 dark:text-zinc-400">{t("inviteIntro", { hours: env.INVITE_HOURS })}</p>
          <InviteForm />
        </details>
        {pending.length ? (
          <div className="card p-4">
            <h2 id="invitations-heading" className="font-semibold">
              {t("heading")}
            </h2>
            <p className="mb-3 text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-start">
                  <th scope="col" className="py-1 text-start">
                    {t("email")}
                  </th>
                  <th scope="col" className="py-1 text-start">
                    {t("expires")}
                  </th>
                  <th scope="col" className="py-1">
                    <span className="sr-only">{t("resend")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pending.map((p) => (
                  <tr key={p.id} className="border-t border-zinc-200 dark:border-zinc-800">
                    <td className="py-2" translate="no">
                      {p.email}
                    </td>
                    <td className="py-2">{p.expiresAt ? <time dateTime={p.expiresAt.toISOString()}>{formatInstant(p.expiresAt, timeZone, false, locale)}</time> : t("expired")}</td>
                    <td className="flex justify-end gap-2 py-2">
                      <InvitationButton kind="resend" id={p.id} email={p.email} />
                      {mayUpdate ? <InvitationButton kind="revoke" id={p.id} email={p.email} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <h2 id="invitations-heading" className="sr-only">
            {t("heading")}
          </h2>
        )}
      </section>
    </ClientMessages>
  );
}
