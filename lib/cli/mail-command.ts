import type { Command } from "commander";
import { cliActor } from "../audit";
import type { Db } from "../db";
import { UserFacingError } from "../errors";
import { mailEnabled } from "../mail/config";
import { flushOutbox, sendSoon } from "../mail/flush";
import { inviteUser, pendingInvitations, resendInvitation, revokeInvitation, userIdByEmail } from "../mail/invitations";
import type { CliIO } from "./program";

const collect = (value: string, previous: string[]) => [...previous, value];

function needsMail(): void {
  if (!mailEnabled()) throw new UserFacingError("Invitations need mail: set SMTP_URL (and MAIL_FROM).");
}

/**
 * `gatehouse mail flush`: sends what is due in the outbox (new mails and due
 * retries), for hosts where no server runs between requests; a scheduler can
 * call it, or POST /api/mail/flush. The users group's invitation commands
 * are here too, with the mail they send.
 */
export function registerMailCommands(program: Command, users: Command, getDb: () => Promise<Db>, io: CliIO): void {
  const mail = program.command("mail").description("Send what is waiting in the mail outbox.");
  mail
    .command("flush")
    .description("Send every mail that is due (new ones and retries whose time has come).")
    .action(async () => {
      const { sent, retrying, failed } = await flushOutbox(await getDb());
      io.out(`Sent ${sent}, to retry ${retrying}, failed ${failed}.`);
    });

  users
    .command("invite <email>")
    .description("Create a user without a password and mail them a link to choose one (valid INVITE_HOURS).")
    .option("--name <name>", "display name")
    .option("--role <role>", "role to grant (repeatable)", collect, [])
    .action(async (email: string, opts: { name?: string; role: string[] }) => {
      needsMail();
      const db = await getDb();
      await inviteUser(db, { email, name: opts.name, roles: opts.role }, cliActor());
      // The mail is in the outbox with the account; sent now, or retried by the next flush.
      await sendSoon(db);
      io.out(`Invited ${email.trim().toLowerCase()}${opts.role.length ? ` with roles ${opts.role.join(", ")}` : ""}.`);
    });
  users
    .command("invitations")
    .description("List accounts still waiting for their owner to choose a password.")
    .action(async () => {
      for (const p of await pendingInvitations(await getDb(), 10_000)) io.out(`${p.email}\t${p.expiresAt ? `expires ${p.expiresAt.toISOString()}` : "link expired"}`);
    });
  users
    .command("resend-invite <email>")
    .description("Mail a pending user a new invitation link; the old one stops working.")
    .action(async (email: string) => {
      needsMail();
      const db = await getDb();
      await resendInvitation(db, await userIdByEmail(db, email), cliActor());
      await sendSoon(db);
      io.out(`Invitation sent again to ${email.trim().toLowerCase()}.`);
    });
  users
    .command("revoke-invite <email>")
    .description("Void a pending user's invitation link and deactivate the account.")
    .action(async (email: string) => {
      const db = await getDb();
      await revokeInvitation(db, await userIdByEmail(db, email), cliActor());
      io.out(`Invitation revoked for ${email.trim().toLowerCase()}.`);
    });
}
