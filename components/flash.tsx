import { randomUUID } from "node:crypto";
import type { ReactNode } from "react";
import { FlashMessage } from "./flash-message";

/**
 * The confirmation after a write, rendered on the server: a message's
 * `text`, or rich `children` (a sentence whose data parts are marked
 * `translate="no"`). A new key per render mounts the message afresh, so that
 * a second identical write (the same URL again) is announced and focused again too.
 */
export function Flash({ text, children, className }: { text?: string; children?: ReactNode; className?: string }) {
  return (
    <FlashMessage key={randomUUID()} className={className}>
      {children ?? text}
    </FlashMessage>
  );
}
