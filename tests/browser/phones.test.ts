// Phones: on a 390 px and a 320 px phone the canvas is a strip of seats and
// the controls come first, in every phase; no type under 14 px, on the page
// or on the canvas; what the canvas shows is also in the page's text for a
// screen reader; axe finds nothing serious. And the card gallery at 360 px:
// every card readable (text, tags, the article's words, what it is worth to
// your delegation and to no other) before it is tabled from it.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { hook, joinByLink, openHostConsole, shoot, waitHook, withBrowserAndServer } from "./harness.ts";
import { seriousViolations, textSmallerThan } from "./page-checks.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const PHONE_390 = { width: 390, height: 844 };
const PHONE_320 = { width: 320, height: 568 };
const view = (page: Page) => hook<SessionView>(page, "view");

/** The panel's first control is on the first screen, the type is big enough, the canvas is said in words. */
async function phoneFits(page: Page, phase: string): Promise<void> {
  const H = page.viewportSize()!.height;
  await page.evaluate(() => window.scrollTo(0, 0));
  // The panel's first control; in the lobby (waiting) and the debrief (the results) what there is to read.
  const controls = page.locator("#panel :is(button, summary, input, select, textarea, a[href])");
  const reading = /^(lobby|debrief)/.test(phase) || (await controls.count()) === 0;
  const first = reading ? page.locator("#panel > *").first() : controls.first();
  await expect.poll(async () => (await first.boundingBox())?.y ?? Infinity, { message: phase }).toBeLessThan(H - 40);
  const stage = (await page.locator("#stage").boundingBox())!;
  expect(stage.y + stage.height, `${phase}: the top bar and the canvas take under half the screen`).toBeLessThan(
    H * 0.5,
  );
  expect(await textSmallerThan(page, 14), phase).toEqual([]);
  const canvas = await hook<{ text: string; px: number }[]>(page, "canvasTextSizes");
  expect(canvas.length, phase).toBeGreaterThan(0);
  expect(
    // A tenth of a pixel for the canvas's size rounded to whole pixels.
    canvas.filter((t) => t.px < 13.9),
    phase,
  ).toEqual([]);
  expect(await seriousViolations(page), phase).toEqual([]);
}

async function nextPhase(host: Page, pages: Page[], scene: string): Promise<void> {
  await host.getByRole("button", { name: "Next phase ▶" }).click();
  for (const p of pages) await waitHook(p, `a.scene === '${scene}'`);
}

describe("phones", () => {
  test("a strip of seats, the controls first and no small type, phase by phase at 390 and 320 px", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const wei = await joinByLink(browser, server, code, "Wei", "china", PHONE_390);
    const li = await joinByLink(browser, server, code, "Li", "russia", PHONE_320);
    const phones = [wei, li];
    const both = async (phase: string) => {
      for (const p of phones) await phoneFits(p, `${phase} at ${p.viewportSize()!.width} px`);
    };
    // The canvas in words: every delegation, who is here, and the head.
    await expect.poll(() => wei.textContent("#table-words")).toContain("Russia, 1 of 1 online, head Li");
    expect(await wei.textContent("#table-words")).toContain("China (you)");
    await both("lobby");

    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    for (const p of phones) await waitHook(p, "a.scene === 'briefing'");
    await both("briefing");
    await nextPhase(host, phones, "opening");
    await both("opening");

    await nextPhase(host, phones, "negotiation");
    await wei.click("#table-form summary");
    await wei.locator('[data-card="protected-schools-hospitals"] .table-this').click();
    await expect
      .poll(() => wei.textContent("#table-words"))
      .toContain("On the table: Schools and hospitals off limits");
    await li.locator(".provision-row", { hasText: "Schools and hospitals" }).click();
    await both("negotiation");

    await nextPhase(host, phones, "final-text");
    await both("final text");
    await host.getByRole("button", { name: "Freeze the text" }).click();
    await nextPhase(host, phones, "signing");
    await wei.locator(".sign-button").first().click();
    await expect
      .poll(async () => (await hook<{ text: string }[]>(li, "canvasTextSizes")).map((t) => t.text))
      .toContain("✍ signed");
    await expect.poll(() => li.textContent("#table-words")).toContain("signed by China");
    await both("signing");

    await nextPhase(host, phones, "debrief");
    await expect.poll(() => wei.textContent("#table-words")).toContain("The Internet:");
    await both("debrief");
    for (const p of [host, ...phones]) await p.context().close();
  }, 180_000);

  test("the card gallery: read each card, see what it is worth to you, table it", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(wei, "a.scene === 'briefing'");
    for (const phase of ["opening", "negotiation"]) await nextPhase(host, [wei], phase);
    await wei.click("#table-form summary");
    const v = await view(wei);
    const sovereignty = v.scenario.cards.find((c) => c.id === "state-sovereignty")!;
    const card = wei.locator('[data-card="state-sovereignty"]');
    // Title, text, tags, the article's words and what it is worth to China, from China's own brief.
    expect(await card.locator("h4").textContent()).toBe(sovereignty.title);
    expect(await card.locator(".card-text").textContent()).toBe(sovereignty.text);
    for (const tag of sovereignty.tags)
      expect(await card.locator(".tags").textContent()).toContain(tag.replace(/-/g, " "));
    expect(await card.locator(".quote").textContent()).toContain(sovereignty.quote);
    const weight = v.scenario.delegations
      .find((d) => d.id === "china")!
      .brief!.priorities.find((p) => p.card === "state-sovereignty")!.weight;
    expect(await card.locator(".worth").textContent()).toContain(`+${weight} points to China`);
    // Never another delegation's values: the page has no other brief, and the gallery names no one else.
    const others = v.scenario.delegations.filter((d) => d.id !== "china");
    expect(others.every((d) => d.brief === undefined)).toBe(true);
    const worth = (await wei.locator(".gallery-card .worth").allTextContents()).join(" ");
    for (const d of others) expect(worth).not.toContain(d.name);
    // The later-stage topics are set apart and said what they are.
    const later = wei.locator(".later-part");
    expect(await later.locator(".later-about").textContent()).toContain("more substantial discussions");
    expect(await later.locator(".gallery-card").count()).toBe(
      v.scenario.cards.filter((c) => c.stage === "later").length,
    );
    expect(await later.locator(".later-badge").first().textContent()).toBe("Later-stage topic");
    expect(await textSmallerThan(wei, 14)).toEqual([]);
    expect(await seriousViolations(wei)).toEqual([]);
    await shoot(wei, "cards-phone-360", { at: '[data-card="state-sovereignty"]' });

    // Tabled from the gallery: on the table, and gone from the gallery.
    await card.locator(".table-this").click();
    await expect.poll(() => wei.textContent("#provision-list")).toContain(sovereignty.title);
    expect(await wei.locator('[data-card="state-sovereignty"]').count()).toBe(0);
    for (const p of [host, wei]) await p.context().close();
  }, 90_000);
});
