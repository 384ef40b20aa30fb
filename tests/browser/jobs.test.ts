// Jobs within a delegation, as students and the teacher see them: each
// student's screen says in one line what their job is now, and the line
// follows the phase, the head's choice on their phone and the host's roster.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { joinByLink, openHostConsole, shoot, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const line = (page: Page) => page.textContent("#duty-line");
const row = (host: Page, name: string) =>
  host.locator("#roster tbody tr").filter({ has: host.locator(".seat-name", { hasText: new RegExp(`^${name}$`) }) });

describe("a student's job line", () => {
  test("says the job for this phase; the head and the host change it and the student's line follows", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const ana = await joinByLink(browser, server, code, "Ana", "japan");
    const ben = await joinByLink(browser, server, code, "Ben", "japan");
    const cai = await joinByLink(browser, server, code, "Cai", "japan");

    // Joining order: Ana heads Japan, Ben speaks for it, Cai drafts.
    await expect
      .poll(() => line(ana))
      .toBe("Head of delegation: Read the secret brief with your team and agree what Japan must get");
    await expect.poll(() => line(ben)).toBe("Spokesperson: Prepare Japan's opening statement from its public position");
    await expect.poll(() => line(cai)).toBe("Drafter: Pick the cards Japan will table first");

    // The line follows the phase.
    const next = host.getByRole("button", { name: "Next phase ▶" });
    await next.click();
    await expect.poll(() => line(ben)).toBe("Spokesperson: Speak for Japan on the floor: give its opening statement");
    await next.click();
    await expect.poll(() => line(cai)).toBe("Drafter: Table and amend provisions for Japan");
    await expect.poll(() => line(ben)).toBe("Spokesperson: Speak for Japan on the floor: argue for its provisions");

    // Ben is not head: he sees his team's jobs, with nothing to change.
    await ben.click("#team-jobs summary");
    expect(await ben.locator("#team-jobs select").count()).toBe(0);
    expect(await ben.textContent("#team-jobs")).toContain("Cai — drafter");

    // Ana, the head, makes Ben the liaison from her phone: Ben's line says so.
    await ana.click("#team-jobs summary");
    await ana.getByLabel("Job for Ben").selectOption("liaison");
    await expect.poll(() => line(ben)).toBe("Liaison: Open private channels and sound out other delegations");
    await shoot(ben, "jobs-liaison-phone-360");
    await shoot(ana, "jobs-head-phone-360");

    // The host makes Cai the analyst from the console's roster.
    const caiRow = row(host, "Cai");
    await expect.poll(() => caiRow.locator("td.job select").inputValue()).toBe("drafter");
    await caiRow.getByLabel("Job for Cai").selectOption("analyst");
    await expect.poll(() => line(cai)).toBe("Analyst: Watch Japan's running score and warn of its red lines");
    await shoot(host, "jobs-roster-1280", { at: "#roster" });
    // The head's own row shows "Head of delegation", and Ana's phone shows the new job.
    expect(await row(host, "Ana").locator("td.job").textContent()).toBe("Head of delegation");
    await expect.poll(() => ana.getByLabel("Job for Cai").inputValue()).toBe("analyst");
  });
});
