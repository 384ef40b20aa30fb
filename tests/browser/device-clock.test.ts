// A phone whose clock is 20 minutes fast, and a projector whose clock is 20
// minutes slow: both show the time the teacher gave, counted on the server's clock.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { joinByLink, openHostConsole, openProjector, waitHook, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const MINUTE = 60_000;

/** Moves the page's device clock (Date.now and new Date()) by `skewMs` before any of its scripts run. */
async function skewClock(page: Page, skewMs: number): Promise<void> {
  await page.context().addInitScript((skew: number) => {
    const RealDate = Date;
    const realNow = RealDate.now.bind(RealDate);
    class SkewedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(realNow() + skew);
        else super(...(args as [string]));
      }
      static override now(): number {
        return realNow() + skew;
      }
    }
    (globalThis as unknown as { Date: DateConstructor }).Date = SkewedDate as unknown as DateConstructor;
  }, skewMs);
}

describe("a device with a wrong clock", () => {
  test("shows the right time left", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const projector = await openProjector(browser, server, code);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    // New pages, whose clocks are wrong from their first script on.
    await skewClock(wei, 20 * MINUTE);
    await wei.reload();
    await waitHook(wei, "a.page === 'game' && a.scene === 'lobby'");
    expect(await wei.evaluate(() => Date.now() - performance.timeOrigin - performance.now())).toBeGreaterThan(
      19 * MINUTE,
    );
    await skewClock(projector, -20 * MINUTE);
    await projector.reload();
    await waitHook(projector, "a.page === 'screen' && a.view");

    await host.fill("#timer-minutes", "10");
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(wei, "a.scene === 'briefing'");
    const right = /^(10:00|9:5\d)$/;
    await expect.poll(() => host.textContent("#host-timer")).toMatch(right);
    await expect.poll(() => wei.textContent(".topbar .timer")).toMatch(right);
    await expect.poll(() => projector.textContent("header .timer")).toMatch(right);
    for (const p of [host, projector, wei]) await p.context().close();
  }, 60_000);
});
