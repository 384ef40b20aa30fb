// The screenshot tour: every phase a delegate sees, on a 360-pixel phone and
// a 1366 px Chromebook, the projector alongside (tour-projector-*; the
// projector's own tour is projector.test.ts), and the host console. Kept in
// test-artifacts/screens (and copied by hand to docs/screens for the README). Each shot is taken once what it must show is
// on the page, and the test checks that it is.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import {
  CHROMEBOOK,
  PHONE,
  PROJECTOR,
  TABLET,
  hook,
  joinByLink,
  openHostConsole,
  openProjector,
  resize,
  shoot,
  waitHook,
  withBrowserAndServer,
} from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const SCHOOLS = "Schools and hospitals off limits";
const SOVEREIGNTY = "State sovereignty in cyberspace";
const EXTRA = "Attacks on them are reported to every signatory at once.";
const view = (page: Page) => hook<SessionView>(page, "view");
const HOST_SIZE = { width: 1280, height: 900 };

/** The same delegate's screen on a 360 px phone and a 1366 px Chromebook. */
async function both(page: Page, name: string, at?: string): Promise<void> {
  await shoot(page, `${name}-phone-360`, at ? { at } : false);
  await resize(page, CHROMEBOOK);
  await shoot(page, `${name}-chromebook-1366`, at ? { at } : false);
  await resize(page, PHONE);
}

async function nextPhase(host: Page, delegates: Page[], scene: string): Promise<void> {
  await host.getByRole("button", { name: "Next phase ▶" }).click();
  for (const p of delegates) await waitHook(p, `a.scene === '${scene}'`);
}

describe("screens", () => {
  test("a whole session, photographed phase by phase", async () => {
    const { page: host, code } = await openHostConsole(browser, server, HOST_SIZE);
    const projector = await openProjector(browser, server, code);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const anna = await joinByLink(browser, server, code, "Anna", "united-states");
    const ivan = await joinByLink(browser, server, code, "Ivan", "russia");
    const all = [wei, anna, ivan];
    await waitHook(projector, "a.view.seats.filter((s) => s.role === 'delegate').length === 3");
    await shoot(projector, "tour-projector-lobby-1920");
    await both(wei, "lobby");

    // Briefing: the secret brief.
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    for (const p of all) await waitHook(p, "a.scene === 'briefing'");
    const brief = (await view(wei)).scenario.delegations.find((d) => d.id === "china")!.brief!;
    await expect.poll(() => wei.textContent("#panel .secret")).toContain(brief.instructions);
    await both(wei, "briefing");
    await shoot(wei, "briefing-brief-phone-360", { at: "#panel .secret" });
    expect(await wei.locator("#panel .secret").isVisible()).toBe(true);

    // Opening statements.
    await nextPhase(host, all, "opening");
    await both(wei, "opening");

    // Negotiation: two provisions, an amendment, stances, an objection.
    await nextPhase(host, all, "negotiation");
    for (const card of ["protected-schools-hospitals", "state-sovereignty"]) {
      await wei.click("#table-form summary");
      await wei.locator(`[data-card="${card}"] .table-this`).click();
      await expect.poll(async () => (await view(wei)).provisions.filter((p) => p.card === card).length).toBe(1);
    }
    await expect.poll(() => anna.textContent("#provision-list")).toContain(SOVEREIGNTY);
    await anna.locator(".provision-row", { hasText: SOVEREIGNTY }).click();
    await anna.click("#provision-card .stance-button.stance-objection");
    await anna.locator(".provision-row", { hasText: SCHOOLS }).click();
    await anna.click("#provision-card .amend summary");
    await anna.fill("#amend-text", `${await anna.inputValue("#amend-text")} ${EXTRA}`);
    await anna.click("#propose-amendment");
    await ivan.locator(".provision-row", { hasText: SCHOOLS }).click();
    await ivan.click("#provision-card .stance-button.stance-support");
    await wei.locator(".provision-row", { hasText: SCHOOLS }).click();
    await expect.poll(() => wei.textContent("#provision-card .amendment ins.diff")).toBe(EXTRA);
    await expect.poll(() => wei.textContent("#provision-card")).toContain("Russia: ✓ Support");

    // The hospital attack breaks: a flash on the projector and the phones.
    const headline = "Role-play news: ransomware attack shuts down a city hospital";
    await host.locator("#injects li", { hasText: headline }).getByRole("button", { name: "Release" }).click();
    for (const p of [projector, ...all]) await expect.poll(() => p.textContent(".news-flash")).toContain(headline);
    await expect.poll(() => projector.textContent(".draft")).toContain(`[Bracketed]`);

    await shoot(wei, "table-phone-360");
    await shoot(wei, "table-card-phone-360", { at: "#provision-card .amendments" });
    await resize(wei, CHROMEBOOK);
    await shoot(wei, "table-card-chromebook-1366", { at: "#provision-card" });
    await resize(wei, PHONE);
    expect(await wei.locator("#provision-card .amendment ins.diff").isVisible()).toBe(true);
    await resize(wei, PROJECTOR);
    await shoot(wei, "table-desktop-1920");
    // A tablet held upright and a Chromebook: the table and the open card both fit without sideways scrolling.
    for (const [size, name] of [
      [TABLET, "table-tablet-768"],
      [CHROMEBOOK, "table-chromebook-1366"],
    ] as const) {
      await resize(wei, size);
      await shoot(wei, name);
      expect(await wei.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    }
    await resize(wei, PHONE);
    await shoot(projector, "tour-projector-draft-1920");
    await shoot(host, "host-console-1280");
    await resize(host, PROJECTOR);
    await shoot(host, "host-console-1920");
    await resize(host, PHONE);
    await shoot(host, "host-console-phone-360");
    await resize(host, HOST_SIZE);

    // The amendment is adopted: everyone votes yes.
    for (const p of [wei, ivan]) await p.click("#provision-card button.vote-yes");
    await expect
      .poll(async () => (await view(wei)).provisions.find((p) => p.title === SCHOOLS)!.versions.length)
      .toBe(2);

    // Final text: the bracketed provision goes to a vote of the heads.
    await nextPhase(host, all, "final-text");
    await host
      .locator("#drafting li", { hasText: SOVEREIGNTY })
      .getByRole("button", { name: "Put it to a vote" })
      .click();
    await expect.poll(() => wei.textContent("#panel")).toContain("Vote open");
    await wei.getByRole("button", { name: "Keep it" }).click();
    await expect.poll(() => wei.textContent("#panel")).toContain("China: keep");
    await both(wei, "final-text");
    await shoot(wei, "final-text-vote-phone-360", { at: ".final-item.status-bracketed" });
    expect(await wei.locator(".final-item.status-bracketed .vote").isVisible()).toBe(true);
    await shoot(projector, "tour-projector-final-text-1920");
    await ivan.getByRole("button", { name: "Keep it" }).click();
    await anna.getByRole("button", { name: "Drop it" }).click();
    await expect
      .poll(() => wei.locator(".final-item", { hasText: SOVEREIGNTY }).textContent())
      .toContain("Dropped by a vote");
    await host.getByRole("button", { name: "Freeze the text" }).click();
    await expect.poll(() => wei.textContent("#panel")).toContain("Frozen: this is the text that will be signed.");

    // Signing.
    await nextPhase(host, all, "signing");
    await wei.click(".sign-button");
    await expect.poll(() => anna.textContent(".signatures")).toContain("signed by Wei");
    await anna.click(".sign-button");
    await expect
      .poll(async () => (await hook<string[]>(wei, "canvasTexts")).filter((t) => t.includes("signed")).length)
      .toBe(2);
    await both(wei, "signing");
    await shoot(projector, "tour-projector-signing-1920");

    // Debrief, with the timeline.
    await nextPhase(host, all, "debrief");
    await expect.poll(() => wei.textContent("#panel")).toContain("Replay the negotiation");
    await both(wei, "debrief");
    await shoot(wei, "debrief-phone-360-full", { fullPage: true });
    await both(wei, "debrief-timeline", "#panel .timeline");
    expect(await wei.locator("#timeline-slider").isVisible()).toBe(true);
    await shoot(projector, "tour-projector-debrief-1920");
  }, 210_000);
});
