import { Command, CommanderError, Option } from "commander";
import { cliActor } from "../audit";
import type { Db } from "../db";
import { UserFacingError } from "../errors";
import { ACTIONS } from "../permissions";
import { createRole, grantPermissions, listRoles, revokePermissions } from "../roles/service";
import { addUserRole, createUser, removeUserRole, setUserActive, setUserPassword } from "../users/service";
import { listUsersSummary } from "../users/summary";
import { resetTwoFactorByEmail } from "../auth/two-factor/store";
import { removeAllPasskeysByEmail } from "../auth/passkeys/store";
import { registerMailCommands } from "./mail-command";
import { registerResourceCommands } from "./resource-command";

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Reads a new password: prompted twice on a terminal, else the first line of stdin. */
  readPassword: (prompt: string) => Promise<string>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * The `gatehouse` command line, in the spirit of `flask users` / `flask roles`.
 * Built as a function of its database and I/O so tests drive it without a shell.
 */
export function buildProgram(getDb: () => Promise<Db>, io: CliIO): Command {
  const program = new Command("gatehouse")
    .description("Manage Gatehouse users and roles.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const users = program.command("users").description("Create and manage user accounts.");
  users
    .command("create")
    .description("Create a user; the password is prompted, or read from stdin when piped.")
    .requiredOption("--email <email>", "email address (stored lower-case)")
    .option("--name <name>", "display name")
    .option("--role <role>", "role to grant (repeatable)", collect, [])
    .addOption(new Option("--inactive", "create the account deactivated"))
    .action(async (opts: { email: string; name?: string; role: string[]; inactive?: boolean }) => {
      const password = await io.readPassword("Password: ");
      await createUser(await getDb(), { email: opts.email, name: opts.name, password, roles: opts.role, active: !opts.inactive }, cliActor());
      io.out(`Created user ${opts.email.trim().toLowerCase()}${opts.role.length ? ` with roles ${opts.role.join(", ")}` : ""}.`);
    });
  users
    .command("list")
    .description("List users with their roles.")
    .action(async () => {
      for (const u of await listUsersSummary(await getDb())) io.out(`${u.email}\t${u.active ? "active" : "inactive"}\t${u.roles.join(",") || "-"}`);
    });
  for (const [name, active] of [["activate", true], ["deactivate", false]] as const) {
    users
      .command(`${name} <email>`)
      .description(`${active ? "Allow" : "Stop"} sign-in for a user${active ? "" : " and end their sessions"}.`)
      .action(async (email: string) => {
        await setUserActive(await getDb(), email, active, cliActor());
        io.out(`${name === "activate" ? "Activated" : "Deactivated"} ${email.trim().toLowerCase()}.`);
      });
  }
  users
    .command("set-password <email>")
    .description("Set a user's password and end their sessions.")
    .action(async (email: string) => {
      await setUserPassword(await getDb(), email, await io.readPassword("New password: "), cliActor());
      io.out(`Password changed for ${email.trim().toLowerCase()}.`);
    });
  const roleChanges = [
    ["add-role", "Grant a role to a user.", addUserRole, (role: string, email: string) => `Granted ${role} to ${email}.`],
    ["remove-role", "Take a role away from a user.", removeUserRole, (role: string, email: string) => `Removed ${role} from ${email}.`],
  ] as const;
  for (const [name, description, change, done] of roleChanges) {
    users
      .command(`${name} <email> <role>`)
      .description(description)
      .action(async (email: string, role: string) => {
        await change(await getDb(), email, role, cliActor());
        io.out(done(role, email.trim().toLowerCase()));
      });
  }
  users
    .command("reset-2fa <email>")
    .description("Turn off a user's two-factor sign-in (a lost authenticator) and end their sessions.")
    .action(async (email: string) => {
      await resetTwoFactorByEmail(await getDb(), email, cliActor());
      io.out(`Two-factor authentication reset for ${email.trim().toLowerCase()}.`);
    });
  users
    .command("reset-passkeys <email>")
    .description("Remove all of a user's passkeys (a lost or stolen device); their sessions are not ended.")
    .action(async (email: string) => {
      const removed = await removeAllPasskeysByEmail(await getDb(), email, cliActor());
      io.out(`Removed ${removed} passkey${removed === 1 ? "" : "s"} of ${email.trim().toLowerCase()}.`);
    });

  const roles = program.command("roles").description(`Create roles and manage their permissions (<resource>:<${ACTIONS.join("|")}>, <resource>:<action>:own for own records, or a declared field permission such as items:price).`);
  roles
    .command("create <name>")
    .option("--description <text>", "what the role is for")
    .option("--permission <perm>", "permission to grant (repeatable)", collect, [])
    .action(async (name: string, opts: { description?: string; permission: string[] }) => {
      await createRole(await getDb(), { name, description: opts.description, permissions: opts.permission }, cliActor());
      io.out(`Created role ${name}.`);
    });
  roles
    .command("list")
    .action(async () => {
      for (const r of await listRoles(await getDb())) io.out(`${r.name}\t${r.name === "admin" ? "(every permission)" : r.permissions.join(",") || "-"}`);
    });
  roles
    .command("grant <role> <permissions...>")
    .description("Add permissions to a role.")
    .action(async (role: string, perms: string[]) => {
      io.out(`${role}: ${(await grantPermissions(await getDb(), role, perms, cliActor())).join(", ") || "-"}`);
    });
  roles
    .command("revoke <role> <permissions...>")
    .description("Remove permissions from a role.")
    .action(async (role: string, perms: string[]) => {
      io.out(`${role}: ${(await revokePermissions(await getDb(), role, perms, cliActor())).join(", ") || "-"}`);
    });

  registerMailCommands(program, users, getDb, io);
  registerResourceCommands(program, io);

  return program;
}

/** Runs the CLI and returns the process exit code: 0 on success, 1 on a refused change, 2 on bad usage. */
export async function runCli(argv: string[], getDb: () => Promise<Db>, io: CliIO): Promise<number> {
  const program = buildProgram(getDb, io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) {
      io.err(`Error: ${error.message}`);
      return 1;
    }
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
}
