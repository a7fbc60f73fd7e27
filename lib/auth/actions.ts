"use server";

import { signOut } from "./config";

/** Ends the current session. Harmless for an anonymous caller, so it needs no permission. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
