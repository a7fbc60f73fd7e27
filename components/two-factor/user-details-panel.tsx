import type { DetailsPanelProps } from "@/lib/resources/types";
import { TwoFactorAdminPanel } from "./admin-reset";

/** The users definition's details panel: an admin may reset anyone's two-factor sign-in but their own. */
export default function UserDetailsPanel({ recordId, viewer, notice }: DetailsPanelProps) {
  return <TwoFactorAdminPanel userId={recordId} mayReset={viewer.access.isAdmin && viewer.id !== recordId} notice={notice} />;
}
