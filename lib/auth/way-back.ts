import { mayOpenAdminIndex, type Access, type AdminIndexAccess } from "../permissions";

/**
 * Where an error page sends the user back to: the admin index when they may
 * open it, else the home page; the sign-in page when nobody is signed in.
 * `label` is its key under the messages' `errors.back`.
 */
export function wayBack(access: Access | null, setting: AdminIndexAccess): { href: string; label: "signIn" | "adminIndex" | "homePage" } {
  if (!access) return { href: "/login", label: "signIn" };
  if (mayOpenAdminIndex(access, setting)) return { href: "/admin", label: "adminIndex" };
  return { href: "/", label: "homePage" };
}
