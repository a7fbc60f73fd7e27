import type { ReactNode } from "react";
import type { DetailsPanelProps } from "@/lib/resources/types";
import UserDetailsPanel from "@/components/two-factor/user-details-panel";

type Panel = (props: DetailsPanelProps) => ReactNode | Promise<ReactNode>;

/** The details panels definitions may name (`detailsPanel`); add yours here. */
const PANELS: Record<string, Panel> = {
  "two-factor": UserDetailsPanel,
};

/** The panel a definition names; a name no panel has is a mistake in the definition. */
export function DetailsPanel({ name, ...props }: DetailsPanelProps & { name: string }) {
  const Panel = PANELS[name];
  if (!Panel) throw new Error(`No details panel named ${name} (components/resource/details-panels.tsx)`);
  return <Panel {...props} />;
}
