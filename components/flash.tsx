import { randomUUID } from "node:crypto";
import { FlashMessage } from "./flash-message";

/**
 * The confirmation after a write, rendered on the server. A new key per render
 * mounts the message afresh, so that a second identical write (the same URL
 * again) is announced and focused again too.
 */
export function Flash({ text, className }: { text: string; className?: string }) {
  return <FlashMessage key={randomUUID()} text={text} className={className} />;
}
