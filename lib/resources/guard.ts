import "server-only";
import { notFound } from "next/navigation";
import { requirePermission, requireUser } from "../auth/dal";
import { permission, type Action } from "../permissions";
import { findResourceEntry } from "./catalog";

/** Signs in, resolves the resource (404 if unknown) and checks `<resource>:<action>` (403). */
export async function requireResource(name: string, action: Action) {
  await requireUser();
  const entry = findResourceEntry(name);
  if (!entry) notFound();
  const user = await requirePermission(permission(entry.name, action));
  return { user, resource: entry };
}
