// Draw on change, watched from a phone: the canvas draws a frame only when
// what it shows changed. A phone's canvas is a strip of seats, so a stance
// (a chip in the provision list) draws no frame at all; a delegate taking a
// seat at the table does. A chat line touches neither the canvas nor the
// phase's panel: the talk panel alone shows it.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { hook, joinByLink, openHostConsole, waitHook, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const PHONE_390 = { width: 390, height: 844 };
const frames = (page: Page) => hook<number>(page, "framesDrawn");
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("draw on change", () => {
  test("a phone's strip draws no frame for a stance or a chat line, and one for a new delegate", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const wei = await joinByLink(browser, server, code, "Wei", "china", PHONE_390);
    const li = await joinByLink(browser, server, code, "Li", "russia", PHONE_390);
    for (let i = 0; i < 2; i++) await host.getByRole("button", { name: "Next phase ▶" }).click();
    for (const p of [wei, li]) await waitHook(p, "a.scene === 'negotiation'");
    await wei.click("#table-form summary");
    await wei.locator('[data-card="protected-schools-hospitals"] .table-this').click();
    const row = li.locator(".provision-row").first();
    await row.waitFor();

    // Russia supports it, then writes on the floor: Wei's list and talk show both; Wei's canvas draws nothing.
    await pause(500);
    const before = await frames(wei);
    const panelBefore = await wei.locator("#provision-list li").first().elementHandle();
    await row.click();
    await li.click("#provision-card .stance-button.stance-support");
    await expect.poll(() => wei.textContent("#provision-list")).toContain("Russia: ✓ Support");
    await li.fill("#say-text", "We cannot accept this as it stands.");
    await li.click("#talk button[type=submit]");
    await expect.poll(() => wei.textContent("#talk .messages")).toContain("We cannot accept this as it stands.");
    // Then it objects: the provision is bracketed. The row says so, its title in brackets.
    await li.click("#provision-card .stance-button.stance-objection");
    await expect
      .poll(() => wei.textContent("#provision-list li"))
      .toMatch(/^\[Schools and hospitals off limits\].*Bracketed.*Russia: ✗ Objection/s);
    await pause(500);
    expect(await frames(wei)).toBe(before);
    // The provision's row was kept: only its words and its chip changed.
    expect(await panelBefore!.evaluate((el) => el.isConnected)).toBe(true);

    // Japan takes its seat: the strip shows a new delegate, so Wei's canvas draws it.
    await joinByLink(browser, server, code, "Kenji", "japan", PHONE_390);
    await expect.poll(() => frames(wei)).toBeGreaterThan(before);
    await expect.poll(() => wei.textContent("#table-words")).toContain("Japan, 1 of 1 online, head Kenji");
  });
});
