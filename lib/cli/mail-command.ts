import type { Command } from "commander";
import type { Db } from "../db";
import { flushOutbox } from "../mail/flush";
import type { CliIO } from "./program";

/**
 * `gatehouse mail flush`: sends what is due in the outbox (new mails and due
 * retries), for hosts where no server runs between requests; a scheduler can
 * call it, or POST /api/mail/flush. `users invite` lives here too: it is
 * the users group's command that needs mail.
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
  void users;
}
