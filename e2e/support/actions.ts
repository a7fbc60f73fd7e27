import type { APIRequestContext, Page } from "@playwright/test";

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

/** Runs `submit` on `page` and returns the server action POST it makes; the POST is aborted. */
export async function captureAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let resolve!: (a: CapturedAction) => void;
  const captured = new Promise<CapturedAction>((r) => (resolve = r));
  const handler = async (route: import("@playwright/test").Route) => {
    const req = route.request();
    const actionId = req.headers()["next-action"];
    if (req.method() !== "POST" || !actionId) return route.continue();
    resolve({ url: req.url(), actionId, fields: parseMultipart(req.postData() ?? "", req.headers()["content-type"] ?? "") });
    await route.abort();
  };
  await page.route("**/*", handler);
  await submit();
  const action = await captured;
  await page.unroute("**/*", handler);
  return action;
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
