"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Keeps empty fields out of the address: a GET form marked `data-clean` is sent
 * as a navigation to its action with only the fields that hold a value
 * (`?q=lamp`, not `?q=lamp&price_min=&price_max=`). One listener on the
 * document for every such form, rendered once per page. Without JavaScript the
 * form posts as usual and the list page redirects to the cleaned address.
 */
export function CleanGetForms() {
  const router = useRouter();
  useEffect(() => {
    function onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-clean") || event.defaultPrevented) return;
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form, event.submitter)) {
        if (typeof value === "string" && value.trim() !== "") params.append(key, value);
      }
      event.preventDefault();
      const path = new URL(form.action).pathname;
      const query = params.toString();
      router.push(query ? `${path}?${query}` : path);
    }
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, [router]);
  return null;
}
