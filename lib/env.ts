import { z } from "zod";
import { LOCALES } from "./i18n/locales";
import { roleNameProblem } from "./roles/role-name";

/** Role names, comma-separated, named by the one role-name rule (lib/roles/role-name.ts). */
const roleList = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((r) => r.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.string().check((ctx) => {
        const problem = roleNameProblem(ctx.value);
        if (problem) ctx.issues.push({ code: "custom", message: `${ctx.value}: ${problem}`, input: ctx.value });
      }),
    ),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** `file:./path.db` (SQLite, the default) or `postgres://user@host:5432/db` (PostgreSQL). */
  DATABASE_URL: z.string().min(1).default("file:./data/gatehouse.db"),
  /** PostgreSQL: connections this process may open (one pool per process). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** Who may open the /admin index: any signed-in user, users holding any permission, or admins. */
  ADMIN_INDEX_ACCESS: z.enum(["signed-in", "staff", "admin"]).default("signed-in"),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For:
   * the client address is the n-th entry from the right. `true` means 1;
   * `false`, 0 or unset means the socket's address (X-Forwarded-For ignored).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? "").trim().toLowerCase();
      if (text === "" || text === "false") return 0;
      if (text === "true") return 1;
      if (/^\d{1,2}$/.test(text)) return Number(text);
      ctx.addIssue({ code: "custom", message: "expected true, false or a number of proxies (0-99)" });
      return z.NEVER;
    }),
  /** Failed sign-ins for one account from one client address within the window before that pair is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed sign-ins from one client address (IPv6: its /64) within the window before it is locked. */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Failed sign-ins for one account, from anywhere, within the window before each attempt is slowed down. */
  LOGIN_SLOW_AFTER: z.coerce.number().int().min(1).max(100_000).default(20),
  /** The longest an attempt is slowed down (the delay doubles from 100 ms). */
  LOGIN_MAX_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** Sign-in attempts in progress at once per account and per client address. */
  LOGIN_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(4),
  /** Password checks waiting for a bcrypt worker before sign-ins are answered "try again shortly". */
  BCRYPT_MAX_QUEUE: z.coerce.number().int().min(1).max(100_000).default(32),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** A session unused this long ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(120),
  /** A session ends this long after sign-in, however active. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(8_760).default(12),
  /** Members of these roles must set up two-factor sign-in before they reach anything else. */
  REQUIRE_2FA_ROLES: roleList,
  /** The least severe log lines written (JSON on stdout); the default is `info`, and `silent` under NODE_ENV=test. */
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).optional(),
  /** CSV exports running at once in this process; more are answered "try again shortly". Each holds a database connection of its own. */
  EXPORT_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(2),
  /** An export still running after this many seconds is cut off (its connection is released). */
  EXPORT_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** The panel's language when neither the user's choice nor the browser's Accept-Language names a served one. */
  DEFAULT_LOCALE: z.enum(LOCALES).default("en"),
  /** Where mail is sent: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`. Unset: development writes mails to the console and /dev/mail; production hides what needs mail. */
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\/[^/]+/i.test(v), "expected smtp://user:pass@host:port or smtps://…"),
  /** The sender of every mail, `Gatehouse <noreply@example.com>` or a bare address. */
  MAIL_FROM: z.string().min(3).default("Gatehouse <noreply@localhost>"),
  /** Seconds to wait before each retry of a mail the server did not take; after the last, the mail has failed. */
  MAIL_RETRY_SECONDS: z
    .string()
    .default("60,300,1800,7200,43200")
    .transform((v, ctx) => {
      const steps = v.split(",").map((s) => Number(s.trim()));
      if (steps.length && steps.every((n) => Number.isInteger(n) && n >= 0 && n <= 604_800)) return steps;
      ctx.addIssue({ code: "custom", message: "expected whole seconds separated by commas, e.g. 60,300,1800" });
      return z.NEVER;
    }),
  /** How often a running server sends what is due in the outbox; 0: only after each change and through `mail flush` or its route. */
  MAIL_FLUSH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** The bearer secret of POST /api/mail/flush (a scheduler's call); unset: the route refuses every call. */
  MAIL_FLUSH_SECRET: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 32, "use at least 32 random characters"),
  /** How long an invitation's link works. */
  INVITE_HOURS: z.coerce.number().int().min(1).max(8_760).default(72),
  /** Auth.js's secret; also the default source of the key that encrypts TOTP secrets. */
  AUTH_SECRET: z.string().optional(),
  /** A dedicated source for that key, so AUTH_SECRET can rotate without losing enrolments. */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 32, "use at least 32 random characters"),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);

export type Dialect = "sqlite" | "postgres";

/** Which database DATABASE_URL names: PostgreSQL for postgres:// URLs, else an SQLite file. */
export function databaseDialect(url: string = env.DATABASE_URL): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** The SQLite file path behind DATABASE_URL (`file:./x.db`, `./x.db` or `:memory:`). */
export function sqlitePath(url: string = env.DATABASE_URL): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}
