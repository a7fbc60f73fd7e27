import type { ReactNode } from "react";
import type { DetailsPanelProps } from "@/lib/resources/types";
import UserDetailsPanel from "@/components/two-factor/user-details-panel";
import { AuditEntryHeading, AuditEntryPanel } from "@/components/resource/audit-entry";

type Panel = (props: DetailsPanelProps) => ReactNode | Promise<ReactNode>;

/** The details panels definitions may name (`detailsPanel`); add yours here. */
const PANELS: Record<string, Panel> = {
  "two-factor": UserDetailsPanel,
  "audit-entry": AuditEntryPanel,
};

type Heading = (props: DetailsPanelProps & { fallback: string }) => ReactNode | Promise<ReactNode>;

/** Panels that also say what the record is, in the page's heading (an audit entry: what happened). */
const HEADINGS: Record<string, Heading> = {
  "audit-entry": AuditEntryHeading,
};

/** The page heading a panel gives, else the record's title (data: not translated). */
export function DetailsHeading({ name, fallback, ...props }: DetailsPanelProps & { name: string; fallback: string }) {
  const Heading = HEADINGS[name];
  return Heading ? <Heading {...props} fallback={fallback} /> : <span translate="no">{fallback}</span>;
}

/** The panel a definition names; a name no panel has is a mistake in the definition. */
export function DetailsPanel({ name, ...props }: DetailsPanelProps & { name: string }) {
  const Panel = PANELS[name];
  if (!Panel) throw new Error(`No details panel named ${name} (components/resource/details-panels.tsx)`);
  return <Panel {...props} />;
}
