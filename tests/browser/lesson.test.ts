// A lesson as a teacher plans it, in headless Chromium against the real
// server: a 45-minute period chosen on the home page with its minutes shown
// and edited, run end to end with short timers (30 seconds a phase) by a host
// and two students, and a lesson over two periods adjourned at the bell.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { PROJECTOR, hook, joinByLink, newPage, shoot, waitHook, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const view = (page: Page) => hook<SessionView>(page, "view");
const minutesShown = (page: Page) =>
  page.locator("#plan-phases input").evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)));
const next = (host: Page) => host.getByRole("button", { name: "Next phase ▶" }).click();

describe("a lesson that fits the timetable", () => {
  test("a 45-minute period: minutes shown and edited when hosting, then played end to end with short timers", async () => {
    const { page: host } = await newPage(browser, { width: 1280, height: 900 });
    await host.goto(`${server.url}/?test=1`);
    await host.click("#host-new summary");
    await host.locator("#preset option[value='period-45']").waitFor({ state: "attached" });
    // The scenario's own plan first: 66 minutes.
    expect(await host.textContent("#preset option[value='']")).toBe("The scenario's own plan (66 min)");
    expect(await minutesShown(host)).toEqual([5, 8, 25, 8, 5, 15]);
    await host.selectOption("#preset", "period-45");
    expect(await minutesShown(host)).toEqual([3, 5, 16, 5, 3, 10]);
    expect(await host.textContent("#plan-total")).toBe("42 min in all");
    expect(await host.textContent("#preset-about")).toContain("inside one 45-minute period");
    await shoot(host, "host-new-preset-1280", { at: "#host-new" });
    await host.selectOption("#preset", "two-periods");
    expect(await host.textContent("#plan-total")).toBe("40 min in the first period, 40 in the second");
    await host.selectOption("#preset", "period-45");
    // Short timers for the test: half a minute a phase.
    for (const input of await host.locator("#plan-phases input").all()) await input.fill("0.5");
    expect(await host.textContent("#plan-total")).toBe("3 min in all");
    // The decision rule is the teacher's choice when hosting, not only the scenario's.
    await host.selectOption("#decision-rule", "majority");
    await host.click("#host-button");
    await host.waitForURL(/\/host\/[A-Z0-9]{6}#key=/);
    // The console the form opened is up before the test build's hook is asked for (a second navigation
    // started while the first still loads can leave the page on neither).
    await host.locator("#host-code").waitFor();
    await host.goto(host.url().replace("#", "?test=1#"));
    await host.locator("#lesson").waitFor();
    const code = (await host.textContent("#host-code"))!.trim();
    expect(await host.textContent("#lesson")).toContain("One 45-minute period — 3 minutes of phases");
    expect(await host.locator("#lesson .lesson-plan li").allTextContents()).toEqual([
      "Briefing: 0.5 min",
      "Opening statements: 0.5 min",
      "Negotiation: 0.5 min",
      "Final text: 0.5 min",
      "Signing: 0.5 min",
      "Debrief: 0.5 min",
    ]);

    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const anna = await joinByLink(browser, server, code, "Anna", "united-states");
    expect((await view(wei)).decisionRule).toBe("majority");
    // Told on joining what the debrief will show.
    expect(await wei.textContent("#privacy-note")).toContain(
      "At the debrief, every team and private channel is shown to the whole class",
    );
    const projector = (await newPage(browser, PROJECTOR)).page;
    await projector.goto(`${server.url}/screen/${code}?test=1`);
    await waitHook(projector, "a.page === 'screen' && a.view");

    // Briefing runs its half minute and holds at zero for the teacher.
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(wei, "a.scene === 'briefing'");
    expect((await view(wei)).timer).toMatchObject({ state: "running", durationMs: 30_000 });
    await waitHook(host, "a.view.timer.state === 'expired'", 45_000);
    await expect.poll(() => host.textContent("#host-timer")).toBe("Time is up");
    expect((await view(host)).phase).toBe("briefing");

    await next(host);
    await waitHook(anna, "a.scene === 'opening'");
    await next(host);
    await waitHook(wei, "a.scene === 'negotiation'");
    expect((await view(wei)).timer).toMatchObject({ state: "running", durationMs: 30_000 });
    await wei.click("#table-form summary");
    await wei.locator('[data-card="protected-schools-hospitals"] .table-this').click();
    await waitHook(anna, "a.view.provisions.length === 1");

    await next(host);
    await waitHook(wei, "a.scene === 'final-text'");
    await host.getByRole("button", { name: "Freeze the text" }).click();
    await waitHook(wei, "a.view.instruments[0].frozen");
    await next(host);
    await waitHook(wei, "a.scene === 'signing'");
    await wei.click(".sign-button");
    await anna.click(".sign-button");
    await waitHook(host, "a.view.signatures.length === 2");
    await next(host);
    await waitHook(projector, "a.view.phase === 'debrief'");
    expect((await view(projector)).timer).toMatchObject({ state: "running", durationMs: 30_000 });
    await expect.poll(() => projector.textContent("body")).toContain("Signed by: China (");
    const debrief = (await view(projector)).debrief!;
    expect(debrief.scores.find((s) => s.delegation === "china")!.signed).toEqual(["code"]);
    await shoot(host, "host-lesson-panel-1280", { at: "#lesson" });
  }, 150_000);

  test("two periods: the console says where the first ends, adjourns at the bell and explains the way back", async () => {
    const res = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "cyber-code", preset: "two-periods" }),
    });
    const { code, hostKey } = (await res.json()) as { code: string; hostKey: string };
    const { page: host } = await newPage(browser, { width: 1280, height: 900 });
    await host.goto(`${server.url}/host/${code}?test=1#key=${hostKey}`);
    await host.locator("#lesson").waitFor();
    expect(await host.textContent("#adjourn-box")).toContain("This lesson stops after Negotiation.");
    expect(await host.locator("#lesson .lesson-plan li").nth(2).textContent()).toBe(
      "Negotiation: 26 min — end of the first period",
    );
    const lin = await joinByLink(browser, server, code, "Lin", "japan");
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await next(host);
    await next(host);
    await waitHook(lin, "a.scene === 'negotiation'");
    await expect.poll(() => host.textContent("#adjourn-box")).toContain("This is the end of the first period.");
    await host.getByRole("button", { name: "Adjourn until next lesson" }).click();
    await host.locator("#adjourned").waitFor();
    expect(await host.textContent("#adjourned")).toContain("Every seat is kept");
    expect(await host.textContent("#adjourned")).toContain("Bookmark this console");
    await waitHook(lin, "a.view.lesson.adjourned === true && a.view.timer.state === 'paused'");
    // The paused clock offers no Resume: reconvening is the one way on.
    expect(await host.textContent("#timer-adjourned")).toContain("reconvene to run the clock");
    expect(await host.getByRole("button", { name: "Resume" }).count()).toBe(0);
    await shoot(host, "host-adjourned-timer-1280", { at: "#phase-h" });
    await shoot(host, "host-adjourned-1280", { at: "#lesson" });
    await host.getByRole("button", { name: "Reconvene ▶" }).click();
    await waitHook(lin, "a.view.lesson.adjourned === false && a.view.timer.state === 'running'");
  });
});
