import type { DetailsPanelProps } from "@/lib/resources/types";
import { PasskeysAdminPanel } from "../passkeys/admin-passkeys";
import { TwoFactorAdminPanel } from "./admin-reset";

/** The users definition's details panel: an admin may reset anyone's two-factor sign-in and remove their passkeys, but not their own. */
export default function UserDetailsPanel({ recordId, viewer, notice }: DetailsPanelProps) {
  const mayReset = viewer.access.isAdmin && viewer.id !== recordId;
  return (
    <>
      <TwoFactorAdminPanel userId={recordId} mayReset={mayReset} notice={notice} />
      <PasskeysAdminPanel userId={recordId} mayRemove={mayReset} notice={notice} />
    </>
  );
}
