import { expect, test } from "@playwright/test";
import { encodeCursor } from "../lib/resources/engine/params";
import { ACCOUNTS } from "./support/accounts";
import { execDb, queryDb } from "./support/db";
import { readTable, uniqueTag } from "./support/items";

test.use({ storageState: ACCOUNTS.admin.state });

/**
 * Past 5,000 rows the list pages by cursor. The rows: audit entries of an
 * actor of their own, dated long ago, so that no other test sees them (a
 * list filtered by that actor holds only these), removed afterwards.
 */
const ROWS = 5_120;
const actor = uniqueTag("keyset");
const list = `/admin/audit?actor=${actor}&per=100`;

test.beforeAll(() => {
  execDb(
    `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
     insert into audit_log (at, actor_id, actor_email, action, resource, record_id, summary)
     select ${process.env.E2E_DB === "postgres" ? "to_timestamp((cast(? as bigint) + i) / 1000.0)" : "cast(? as integer) + i"}, ?, ?, 'update', 'items', cast(i as text), 'row ' || cast(i as text) from n`,
    ROWS,
    Date.UTC(2001, 0, 1),
    actor,
    `${actor}@example.test`,
  );
});
test.afterAll(() => execDb("delete from audit_log where actor_id = ?", actor));

/** The summaries of rows `offset`… of the list, newest first, from the database. */
const expected = (offset: number, limit = 100) => queryDb<{ summary: string }>("select summary from audit_log where actor_id = ? order by at desc, id desc limit ? offset ?", actor, limit, offset).map((r) => r.summary);
const summaries = async (page: import("@playwright/test").Page) => (await readTable(page)).map((r) => r.Summary);

test("Next past 5,000 rows continues by cursor, Previous comes back, and the pager says which rows", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "Pagination" });
  await page.goto(`${list}&page=50`);
  await expect(page.getByTestId("range")).toHaveText("Rows 4,901–5,000 of 5,120");
  expect(await summaries(page)).toEqual(expected(4_900));

  await nav.getByRole("link", { name: "Next" }).click();
  await page.waitForURL((url) => url.searchParams.has("after"));
  expect(new URL(page.url()).searchParams.get("pos")).toBe("5001");
  await expect(page.getByTestId("range")).toHaveText("Rows 5,001–5,100 of 5,120");
  const keysetPage = await summaries(page);
  expect(keysetPage).toEqual(expected(5_000));

  await nav.getByRole("link", { name: "Next" }).click();
  await page.waitForURL((url) => url.searchParams.get("pos") === "5101");
  await expect(page.getByTestId("range")).toHaveText("Rows 5,101–5,120 of 5,120");
  expect(await summaries(page)).toEqual(expected(5_100));
  await expect(nav.getByRole("link", { name: "Next" })).toHaveCount(0);

  await nav.getByRole("link", { name: "Previous" }).click();
  await page.waitForURL((url) => url.searchParams.has("before"));
  await expect(page.getByTestId("range")).toHaveText("Rows 5,001–5,100 of 5,120");
  expect(await summaries(page)).toEqual(keysetPage);

  // Back into the first 5,000 rows: page numbers again.
  await nav.getByRole("link", { name: "Previous" }).click();
  await page.waitForURL((url) => url.searchParams.get("page") === "50" && !url.searchParams.has("before"));
  await expect(page.getByTestId("range")).toHaveText("Rows 4,901–5,000 of 5,120");
  expect(await summaries(page)).toEqual(expected(4_900));
});

test("a cursor page without a trustworthy position claims no row numbers; bad cursors are ignored", async ({ page }) => {
  const [row] = queryDb<{ id: number; at: number }>("select id, at from audit_log where actor_id = ? order by at desc, id desc limit 1 offset 5099", actor);
  const before = encodeCursor({ value: row!.at, id: row!.id });
  // The 100 rows before the 5,100th: rows 5,000 to 5,099, by cursor.
  await page.goto(`${list}&before=${before}`);
  await expect(page.getByTestId("range")).toHaveText("100 rows further on, of 5,120");
  expect(await summaries(page)).toEqual(expected(4_999));
  // A position that cannot be true (past the total) is not shown.
  await page.goto(`${list}&before=${before}&pos=9999`);
  await expect(page.getByTestId("range")).toHaveText("100 rows further on, of 5,120");
  await page.goto(`${list}&before=${before}&pos=5000`);
  await expect(page.getByTestId("range")).toHaveText("Rows 5,000–5,099 of 5,120");

  // Near the start, going back shows the first page.
  const [third] = queryDb<{ id: number; at: number }>("select id, at from audit_log where actor_id = ? order by at desc, id desc limit 1 offset 2", actor);
  await page.goto(`${list}&before=${encodeCursor({ value: third!.at, id: third!.id })}`);
  await expect(page.getByTestId("range")).toHaveText("Rows 1–100 of 5,120");
  expect(await summaries(page)).toEqual(expected(0));

  for (const qs of ["before=bm90LWpzb24", "before=%FF%FE", `before=${"A".repeat(5000)}`, `before=${before}&pos=-1`, `before=${before}&pos=1e99`, `after=${before}&before=${before}`]) {
    expect((await page.goto(`${list}&${qs}`))?.status(), qs).toBe(200);
  }
});
