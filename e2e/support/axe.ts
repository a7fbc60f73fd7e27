import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Waits for the page's finite CSS transitions and animations to end. Axe reads
 * colours as they are drawn: a button caught mid-transition after a colour-scheme
 * switch (or a hover) has neither scheme's colours and fails contrast by chance.
 * Endless animations (a spinner) are left running.
 */
async function settled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Serious and critical axe violations on the page once it has settled, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => ["serious", "critical"].includes(v.impact ?? ""))
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${v.help}`));
}

/** No serious or critical axe violations on the page as it is now; `label` names it in the failure. */
export async function expectNoSeriousViolations(page: Page, label = page.url()) {
  const found = await seriousViolations(page);
  expect(found, `${label}:\n${found.join("\n")}`).toEqual([]);
}
