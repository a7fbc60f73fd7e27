"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The confirmation after a write. It is a polite live region and takes focus
 * when it appears, so that after the redirect a keyboard or screen-reader user
 * starts at (and hears) what happened. The server decides the words.
 */
export function FlashMessage({ children, className = "" }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <p ref={ref} role="status" tabIndex={-1} className={`flash ${className}`}>
      {children}
    </p>
  );
}
