// axe-core on the pages the phone and projector tests do not cover: the home
// page, the join link, the host console in every phase and the printable
// report. No serious or critical violation anywhere. (The student's page in
// every phase: phones.test.ts; the projector in every phase: projector.test.ts.)
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { CHROMEBOOK, joinByLink, newPage, openHostConsole, waitHook, withBrowserAndServer } from "./harness.ts";
import { seriousViolations } from "./page-checks.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

describe("accessibility", () => {
  test("home, join, the console in every phase and the report: no serious or critical violation", async () => {
    const home = (await newPage(browser)).page;
    await home.goto(`${server.url}/`);
    await home.locator("#join-form").waitFor();
    expect(await seriousViolations(home)).toEqual([]);
    // With the teachers' form open, and the practice form.
    await home.locator("#host-new summary").click();
    await home.locator("#practise-open").click();
    await expect.poll(() => home.textContent("#scenario")).not.toContain("Loading");
    expect(await seriousViolations(home)).toEqual([]);

    // The check itself sees a violation when there is one: an unlabelled button.
    await home.evaluate(() => document.body.append(Object.assign(document.createElement("button"), { id: "no-name" })));
    expect((await seriousViolations(home)).join()).toContain("button-name");
    await home.evaluate(() => document.getElementById("no-name")?.remove());

    const { page: host, code, hostKey } = await openHostConsole(browser, server, CHROMEBOOK);
    const join = (await newPage(browser)).page;
    await join.goto(`${server.url}/j/${code}`);
    await join.locator("#delegation-field").waitFor({ state: "visible" });
    expect(await seriousViolations(join)).toEqual([]);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    await host.locator("#roster", { hasText: "Wei" }).waitFor();
    expect(await seriousViolations(host), "console, lobby").toEqual([]);

    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(host, "a.view.timer.state === 'running'");
    for (const phase of ["opening", "negotiation", "final-text", "signing", "debrief"]) {
      expect(await seriousViolations(host), `console before ${phase}`).toEqual([]);
      if (phase === "final-text") {
        await wei.click("#table-form summary");
        await wei.locator('[data-card="protected-schools-hospitals"] .table-this').click();
        await host.locator("#drafting", { hasText: "Schools and hospitals off limits" }).waitFor();
      }
      await host.getByRole("button", { name: "Next phase ▶" }).click();
      await waitHook(host, `a.view.phase === '${phase}'`);
    }
    expect(await seriousViolations(host), "console, debrief").toEqual([]);

    const report: Page = (await newPage(browser, CHROMEBOOK)).page;
    await report.goto(`${server.url}/api/sessions/${code}/export.html?key=${encodeURIComponent(hostKey)}`);
    await report.locator("h1").first().waitFor();
    expect(await seriousViolations(report), "report").toEqual([]);
    for (const p of [home, host, join, wei, report]) await p.context().close();
  }, 120_000);
});
