import { z } from "zod";

/** Emails are stored and compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .max(254, "Email is too long.")
  .transform(normalizeEmail)
  .pipe(z.email("Enter a valid email address."));
