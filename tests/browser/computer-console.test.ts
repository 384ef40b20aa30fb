// The console's Computer delegations panel, as a teacher uses it: the
// computer takes an empty delegation (marked on the roster and the
// projector), a student arrives, and the teacher hands the delegation over.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { PHONE, hook, joinByLink, openHostConsole, openProjector, shoot, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const panelRow = (host: Page, delegation: string) => host.locator(`#computer li[data-delegation='${delegation}']`);

describe("computer delegations in the host console", () => {
  test("switch the computer on for Japan, then hand Japan to the student who arrives", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const projector = await openProjector(browser, server, code);

    const japan = panelRow(host, "japan");
    expect(await japan.textContent()).toContain("nobody yet");
    await japan.locator("select").selectOption("hard-line");
    await japan.getByRole("button", { name: "Computer plays it" }).click();
    await expect.poll(() => japan.textContent()).toContain("played by the computer (hard-line)");
    await expect.poll(() => host.textContent("#roster")).toContain("Japan (computer)");
    await expect.poll(() => projector.textContent("body")).toContain("Japan (computer)");
    await shoot(host, "host-console-computer-1280", { at: "#computer" });

    // A student arrives for Japan: the computer stays head until the teacher hands the delegation over.
    const yuki = await joinByLink(browser, server, code, "Yuki", "japan", PHONE);
    await expect.poll(() => japan.textContent()).toContain("played by the computer");
    await japan.getByRole("button", { name: "Hand to the students" }).click();
    await expect.poll(() => japan.textContent()).toContain("1 student");
    await expect.poll(() => yuki.textContent(".topbar .who")).toContain("★ head");
    await expect.poll(() => host.textContent("#roster")).not.toContain("Japan (computer)");
    const seen = await hook<SessionView>(yuki, "view");
    expect(seen.seats.some((s) => s.computer)).toBe(false);

    // The computer chair: on and off from the same panel.
    await host.getByRole("button", { name: "Let the computer chair" }).click();
    await expect.poll(() => host.textContent("#computer")).toContain("The computer chairs");
    await host.getByRole("button", { name: "Take the chair back" }).click();
    await expect.poll(() => host.textContent("#computer")).toContain("You chair the session.");
  });
});
