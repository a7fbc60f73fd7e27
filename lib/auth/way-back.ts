import { mayOpenAdminIndex, type Access, type AdminIndexAccess } from "../permissions";

/**
 * Where an error page sends the user back to: the admin index when they may
 * open it, else the home page; the sign-in page when nobody is signed in.
 */
export function wayBack(access: Access | null, setting: AdminIndexAccess): { href: string; label: string } {
  if (!access) return { href: "/login", label: "Sign in" };
  if (mayOpenAdminIndex(access, setting)) return { href: "/admin", label: "Back to the admin index" };
  return { href: "/", label: "Back to the home page" };
}
