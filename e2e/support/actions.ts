import type { APIRequestContext, Locator, Page, Route } from "@playwright/test";

/**
 * Server actions are public POST endpoints. These helpers record the request a
 * real form submits (without letting it reach the server) so a test can replay
 * it, changed, with another user's cookies.
 */
export interface CapturedAction {
  url: string;
  actionId: string;
  fields: [string, string][];
}

function parseMultipart(body: string, contentType: string): [string, string][] {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`Not multipart: ${contentType}`);
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head, ...rest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
      const name = /name="([^"]*)"/.exec(head ?? "")?.[1] ?? "";
      return [name, rest.join("\r\n\r\n").replace(/\r\n$/, "")] as [string, string];
    });
}

/**
 * Submits with `target` (a click, or Enter in a field) and returns the server
 * action POST it makes; the POST never reaches the server.
 *
 * Before hydration a form posts natively, without the Next-Action header: the
 * action would run uncaptured. So the capture waits until React owns the
 * target (and its form) on the page the click lands on, and a native POST that
 * still slips through is answered 204 here and fails the test at once.
 */
export async function captureAction(page: Page, target: Locator, how: "click" | "Enter" = "click"): Promise<CapturedAction> {
  let resolve!: (a: CapturedAction) => void;
  let reject!: (e: Error) => void;
  const captured = new Promise<CapturedAction>((res, rej) => ((resolve = res), (reject = rej)));
  const handler = async (route: Route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.continue();
    const actionId = req.headers()["next-action"];
    if (actionId) {
      resolve({ url: req.url(), actionId, fields: parseMultipart(req.postData() ?? "", req.headers()["content-type"] ?? "") });
      return route.abort();
    }
    if (!req.isNavigationRequest()) return route.continue();
    reject(new Error(`The form posted natively to ${req.url()} (React did not handle the submit): nothing was captured.`));
    return route.fulfill({ status: 204 });
  };
  await page.route("**/*", handler);
  try {
    await target.waitFor();
    const handle = await target.elementHandle();
    await page.waitForFunction((el) => {
      const owned = (node: Element | null) => node !== null && Object.keys(node).some((key) => key.startsWith("__reactProps$"));
      return owned(el) && (!(el instanceof HTMLButtonElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || el.form === null || owned(el.form));
    }, handle);
    await (how === "click" ? target.click() : target.press("Enter"));
    return await captured;
  } finally {
    await page.unroute("**/*", handler);
  }
}

/** The action's arguments (field "0"), e.g. ["items", "12", {"ok": true}, "$K1"]. */
export function actionArgs(action: CapturedAction): unknown[] {
  return JSON.parse(action.fields.find(([k]) => k === "0")![1]) as unknown[];
}

/**
 * Replays a captured action with `request`'s cookies. `args` replaces the bound
 * arguments; `form` sets form fields (by their name in the form, without React's prefix).
 */
export async function replayAction(
  request: APIRequestContext,
  action: CapturedAction,
  change: { args?: unknown[]; form?: Record<string, string | string[]>; url?: string; origin?: string | null } = {},
) {
  const prefix = action.fields.find(([k]) => /^_?\d+_/.test(k))?.[0].match(/^_?\d+_/)?.[0] ?? "_1_";
  const form = change.form ?? {};
  const fields: [string, string][] = action.fields.filter(([k]) => k !== "0" && !(k.startsWith(prefix) && k.slice(prefix.length) in form));
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) fields.push([`${prefix}${k}`, one]);
  fields.push(["0", JSON.stringify(change.args ?? actionArgs(action))]);
  const url = change.url ?? action.url;
  // Playwright's multipart takes an object; build the body by hand to keep repeated keys.
  const boundary = `----e2eBoundary${Math.random().toString(16).slice(2)}`;
  const body = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
  // origin: null sends none (as a script might); a string forges one.
  const origin = change.origin === undefined ? new URL(url).origin : change.origin;
  return request.post(url, {
    headers: {
      "Next-Action": action.actionId,
      Accept: "text/x-component",
      ...(origin === null ? {} : { Origin: origin }),
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
    data: Buffer.from(body, "utf8"),
    maxRedirects: 0,
  });
}
