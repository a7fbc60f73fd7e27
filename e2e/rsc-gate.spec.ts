import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { queryDb } from "./support/db";

/**
 * A request for a page's RSC payload (what the client router fetches, or an
 * attacker crafts with the same headers) answers with the page's own status:
 * 403 without the permission, 404 for a record that does not exist or is not
 * the user's, never a 200 payload of the refusal.
 */
const RSC_VARIANTS: { name: string; headers: Record<string, string>; query?: string }[] = [
  { name: "RSC", headers: { RSC: "1" } },
  { name: "RSC with ?_rsc", headers: { RSC: "1" }, query: "_rsc=1x2y3" },
  { name: "router state tree", headers: { RSC: "1", "Next-Router-State-Tree": encodeURIComponent('["",{}]') } },
  { name: "prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" } },
];

const ownerId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const itemOf = (email: string) => queryDb<{ id: number; name: string }>("select id, name from items where owner_id = ? order by id limit 1", ownerId(email))[0]!;
const auditId = () => queryDb<{ id: number }>("select id from audit_log order by id limit 1")[0]!.id;

async function expectRsc(request: APIRequestContext, path: string, status: number, hidden?: string) {
  for (const variant of RSC_VARIANTS) {
    const url = variant.query ? `${path}${path.includes("?") ? "&" : "?"}${variant.query}` : path;
    const res = await request.get(url, { headers: variant.headers });
    const what = `${path} (${variant.name})`;
    expect(res.status(), what).toBe(status);
    if (status !== 200) {
      expect(res.headers()["content-type"], what).not.toContain("text/x-component");
      if (hidden) expect(await res.text(), what).not.toContain(hidden);
    } else {
      expect(res.headers()["content-type"], what).toContain("text/x-component");
    }
  }
}

test.describe("editor", () => {
  test.use({ storageState: ACCOUNTS.editor.state });

  test("gets 403 for resources it may not view and 404 for what does not exist", async ({ request }) => {
    for (const path of ["/admin/users", "/admin/users/new", "/admin/roles", `/admin/users/${ownerId(ACCOUNTS.admin.email)}`, "/admin/items/1/delete"]) await expectRsc(request, path, 403, ACCOUNTS.admin.email);
    for (const path of ["/admin/items/999999999", "/admin/items/999999999/edit", "/admin/items/not-a-number", "/admin/nope"]) await expectRsc(request, path, 404);
  });

  test("still gets the payload of pages it may open", async ({ request }) => {
    const item = itemOf(ACCOUNTS.admin.email);
    for (const path of ["/admin", "/admin/items?q=a", "/admin/items/new", `/admin/items/${item.id}`, `/admin/items/${item.id}/edit`]) await expectRsc(request, path, 200);
  });
});

test.describe("contributor", () => {
  test.use({ storageState: ACCOUNTS.contributor.state });

  test("someone else's item is a 404 like a missing one; its own is not", async ({ request }) => {
    const other = itemOf(ACCOUNTS.admin.email);
    for (const path of [`/admin/items/${other.id}`, `/admin/items/${other.id}/edit`, `/admin/items/${other.id}/delete`]) await expectRsc(request, path, 404, other.name);
    const own = itemOf(ACCOUNTS.contributor.email);
    await expectRsc(request, `/admin/items/${own.id}/edit`, 200);
    await expectRsc(request, `/admin/items/${own.id}/delete`, 200);
  });
});

test.describe("admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("the read-only audit log has no create or edit page", async ({ request }) => {
    for (const path of ["/admin/audit/new", `/admin/audit/${auditId()}/edit`, `/admin/audit/${auditId()}/delete`]) await expectRsc(request, path, 404);
    await expectRsc(request, `/admin/audit/${auditId()}`, 200);
  });
});
