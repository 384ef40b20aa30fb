// The projector leads the room: in every phase it shows what is happening now
// (the code and who is here while the class joins, the floor's lines, the
// draft with its news, stances and live tallies, who signed, the results), on
// one screen at 1920x1080 and 1280x720: nothing outside the window, nothing
// under 28 px at 1080p (in proportion at 720p), on the page or on the canvas,
// and no serious accessibility violation.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import {
  hook,
  joinByLink,
  openHostConsole,
  openProjector,
  PROJECTOR,
  resize,
  shoot,
  waitHook,
  withBrowserAndServer,
} from "./harness.ts";
import { outsideWindow, seriousViolations, textSmallerThan } from "./page-checks.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const SMALL = { width: 1280, height: 720 };
const view = (page: Page) => hook<SessionView>(page, "view");

/** At both sizes: `now` is in sight, everything fits, the type is big enough, and axe finds nothing serious. */
async function leads(projector: Page, now: string, shot?: string): Promise<void> {
  for (const size of [PROJECTOR, SMALL]) {
    await resize(projector, size);
    const least = (28 * size.width) / 1920;
    await expect
      // Within one turn of the pages at most.
      .poll(() => projector.getByText(now, { exact: false }).first().isVisible(), { timeout: 30_000 })
      .toBe(true)
      .catch(async (e: unknown) => {
        await shoot(projector, "projector-failed");
        throw e;
      });
    await expect.poll(() => outsideWindow(projector)).toEqual([]);
    expect(await textSmallerThan(projector, least)).toEqual([]);
    const canvas = await hook<{ text: string; px: number }[]>(projector, "canvasTexts");
    expect(canvas.filter((t) => t.px < least - 0.05)).toEqual([]);
    if (shot) await shoot(projector, size === PROJECTOR ? shot : shot.replace("-1920", "-1280x720"));
  }
  expect(await seriousViolations(projector)).toEqual([]);
}

async function nextPhase(host: Page, pages: Page[], phase: string): Promise<void> {
  await host.getByRole("button", { name: "Next phase ▶" }).click();
  for (const p of pages) await waitHook(p, `a.phase === '${phase}'`);
}

async function table(page: Page, card: string): Promise<void> {
  await page.click("#table-form summary");
  await page.locator(`[data-card="${card}"] .table-this`).click();
  await expect.poll(async () => (await view(page)).provisions.some((p) => p.card === card)).toBe(true);
}

describe("the projector", () => {
  test("shows what is happening now in every phase, on one screen", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const projector = await openProjector(browser, server, code);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const anna = await joinByLink(browser, server, code, "Anna", "united-states");
    const all = [projector, wei, anna];

    // Joining: the code, the QR and who has sat down, on the page and on the table.
    await expect.poll(() => projector.textContent(".roster")).toContain("Anna");
    await expect
      .poll(async () => (await hook<{ text: string }[]>(projector, "canvasTexts")).map((t) => t.text).join(" "))
      .toContain("United States");
    expect(await projector.textContent("#table-words")).toContain("United States, 1 of 1 online");
    await leads(projector, code, "projector-lobby-1920");

    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(projector, "a.view.timer.state === 'running'");
    await leads(projector, "each delegation reads its position and its secret brief", "projector-briefing-1920");

    // Opening statements: the speaker's lines as they come.
    await nextPhase(host, all, "opening");
    await leads(projector, "Opening statements");
    const said = "China stands for sovereignty in cyberspace and for peace.";
    await wei.fill("#say-text", said);
    await wei.click("#talk .say button");
    await leads(projector, said, "projector-opening-1920");
    expect(await projector.textContent(".floor-line")).toContain("Wei");

    // Negotiation: more provisions than fit on one screen, paged; stances, news, an amendment's tally.
    await nextPhase(host, all, "negotiation");
    const cards = [
      "protected-schools-hospitals",
      "state-sovereignty",
      "threat-data",
      "non-aggression",
      "no-ict-leverage",
    ];
    for (const card of cards) await table(wei, card);
    await anna.locator(".provision-row", { hasText: "State sovereignty in cyberspace" }).click();
    await anna.click("#provision-card .stance-button.stance-objection");
    const headline = "Role-play news: ransomware attack shuts down a city hospital";
    await host.locator("#injects li", { hasText: headline }).getByRole("button", { name: "Release" }).click();
    await expect.poll(() => projector.textContent(".news-flash")).toContain(headline);
    await leads(projector, headline);
    await resize(projector, PROJECTOR);
    await expect.poll(() => projector.textContent(".page-of")).toMatch(/^page [1-9] of [2-9]$/);
    await shoot(projector, "projector-draft-1920");
    // Every provision is on a page; the pages turn by themselves.
    const titles = (await view(projector)).provisions.map((p) => p.title);
    expect(titles).toHaveLength(cards.length);
    const seen = new Set<string>();
    const look = async () => {
      for (const t of titles) if (await projector.locator(".draft li h3", { hasText: t }).isVisible()) seen.add(t);
      return seen.size;
    };
    await expect.poll(look, { timeout: 40_000, interval: 500 }).toBe(titles.length);

    // Final text: a bracket vote with its live tally.
    await nextPhase(host, all, "final-text");
    await host
      .locator("#drafting li", { hasText: "State sovereignty in cyberspace" })
      .getByRole("button", { name: "Put it to a vote" })
      .click();
    await wei.getByRole("button", { name: "Keep it" }).click();
    await leads(projector, "China: keep", "projector-final-text-1920");
    await anna.getByRole("button", { name: "Drop it" }).click();
    await expect.poll(() => projector.textContent(".draft")).toContain("Dropped by a vote");
    await host.getByRole("button", { name: "Freeze the text" }).click();

    // Signing: who signed, on the page and on the table.
    await nextPhase(host, all, "signing");
    await wei.click(".sign-button");
    await leads(projector, "signed by Wei", "projector-signing-1920");
    await expect
      .poll(async () => (await hook<{ text: string }[]>(projector, "canvasTexts")).map((t) => t.text).join(" "))
      .toContain("✍ signed");

    // Debrief: the results.
    await nextPhase(host, all, "debrief");
    await leads(projector, "The Internet:", "projector-debrief-1920");
    expect(await projector.textContent(".results")).toContain("China");
    for (const p of [host, ...all]) await p.context().close();
  }, 240_000);
});
