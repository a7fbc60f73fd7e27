import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/gatehouse.db"),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** Who may open the /admin index: any signed-in user, users holding any permission, or admins. */
  ADMIN_INDEX_ACCESS: z.enum(["signed-in", "staff", "admin"]).default("signed-in"),
  TRUST_PROXY: bool,
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

/** The SQLite file path behind DATABASE_URL (`file:./x.db`, `./x.db` or `:memory:`). */
export function sqlitePath(url: string = env.DATABASE_URL): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}
