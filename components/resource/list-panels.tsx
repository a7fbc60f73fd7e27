import type { ReactNode } from "react";
import type { Editor } from "@/lib/resources/types";
import { InvitationsPanel } from "@/components/mail/invitations-panel";

type Panel = (props: { viewer: Editor }) => ReactNode | Promise<ReactNode>;

/** The list panels definitions may name (`listPanel`); add yours here. */
const PANELS: Record<string, Panel> = {
  invitations: InvitationsPanel,
};

/** The panel a definition names; a name no panel has is a mistake in the definition. */
export function ListPanel({ name, viewer }: { name: string; viewer: Editor }) {
  const Panel = PANELS[name];
  if (!Panel) throw new Error(`No list panel named ${name} (components/resource/list-panels.tsx)`);
  return <Panel viewer={viewer} />;
}
