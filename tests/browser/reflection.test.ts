// Reflection in the debrief, as people use it: a student answers a question
// on a phone, reloads and edits the saved answer; the host reads the answers
// with names and shows them on the projector, which shows the texts without
// any name; another student's page never holds the answer before that.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import {
  everythingOn,
  hook,
  joinByLink,
  openHostConsole,
  openProjector,
  shoot,
  waitHook,
  withBrowserAndServer,
} from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const view = (page: Page) => hook<SessionView>(page, "view");
const WEI = "Protecting hospitals was easy: it costs nobody anything.";
const WEI_EDITED = "Protecting hospitals was easy: it costs no delegation anything, and everyone looks good.";
const AMY = "We signed the code because it kept information flowing.";

describe("reflection in the debrief", () => {
  test("a student answers and edits; the host reads with names and shows the answers on the projector without them", async () => {
    const { page: host, code } = await openHostConsole(browser, server, { width: 1366, height: 900 });
    const projector = await openProjector(browser, server, code);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const amy = await joinByLink(browser, server, code, "Amy", "united-states");
    for (let i = 0; i < 5; i++) {
      const phase = (await view(host)).phase;
      await host.getByRole("button", { name: "Next phase ▶" }).click();
      await waitHook(host, `a.phase !== '${phase}'`);
    }
    for (const p of [wei, amy]) await waitHook(p, "a.scene === 'debrief'");

    // Wei answers the first question on the phone.
    const box = wei.locator("#reflection-0");
    await box.scrollIntoViewIfNeeded();
    expect(await wei.textContent("label[for='reflection-0']")).toContain("Which provisions did every delegation sign");
    await box.fill(WEI);
    expect(await wei.textContent("#reflection-status-0")).toMatch(/Not saved yet · \d+ characters left/);
    await wei.locator("[data-question='0'] button", { hasText: "Save answer" }).click();
    await expect.poll(() => wei.textContent("#reflection-status-0")).toBe("Saved ✓");
    // A blank answer cannot be saved.
    await wei.locator("#reflection-1").fill("   ");
    expect(await wei.locator("[data-question='1'] button").isDisabled()).toBe(true);
    await wei.locator("#reflection-1").fill("");

    // Reloaded, the phone shows the saved answer, and it can be edited.
    await wei.reload();
    await waitHook(wei, "a.scene === 'debrief'");
    await expect.poll(() => wei.locator("#reflection-0").inputValue()).toBe(WEI);
    await wei.locator("#reflection-0").fill(WEI_EDITED);
    await wei.locator("[data-question='0'] button").click();
    await expect.poll(() => wei.textContent("#reflection-status-0")).toBe("Saved ✓");
    await shoot(wei, "reflection-phone-360", { at: "#reflection" });

    await amy.locator("#reflection-1").fill(AMY);
    await amy.locator("[data-question='1'] button").click();
    await expect.poll(() => amy.textContent("#reflection-status-1")).toBe("Saved ✓");

    // Nobody else's page holds an answer before the host shows them.
    expect(await everythingOn(amy)).not.toContain("Protecting hospitals");
    expect(await everythingOn(projector)).not.toContain("Protecting hospitals");
    expect(await everythingOn(wei)).not.toContain(AMY);

    // The host reads every answer with its student's name.
    const panel = host.locator("#host-reflections");
    await expect.poll(() => panel.textContent()).toContain(`Wei (China): ${WEI_EDITED}`);
    await expect.poll(() => panel.textContent()).toContain(`Amy (United States): ${AMY}`);
    expect(await panel.textContent()).toContain("2 of 2 students have answered.");
    // The edit replaced the first answer.
    expect(await panel.textContent()).not.toContain(WEI);
    await panel.getByRole("button", { name: "Show on the projector (without names)" }).click();
    await panel.getByRole("button", { name: "Hide from the projector" }).waitFor();
    await shoot(host, "reflection-host-1366", { at: "#host-reflections" });

    // The projector shows the texts under their questions, with no name.
    const results = projector.locator("section.results");
    await projector.locator("#class-answers").waitFor({ state: "visible" });
    await expect.poll(() => results.locator(".answers-question li").allTextContents()).toEqual([WEI_EDITED, AMY]);
    const shown = (await results.textContent())!;
    for (const name of ["Wei", "Amy", "China", "United States"]) expect(shown).not.toContain(name);
    expect(await results.locator(".answers-question h3").allTextContents()).toEqual([
      expect.stringMatching(/^1\. Which provisions did every delegation sign/),
      expect.stringMatching(/^2\. What is the difference between treating the Internet/),
    ]);
    await shoot(projector, "reflection-projector-1920");
    // The students are told, and see the same nameless texts.
    await expect.poll(() => amy.locator("#reflection-shown").isVisible()).toBe(true);

    // Hidden again: the projector goes back to the results.
    await panel.getByRole("button", { name: "Hide from the projector" }).click();
    await projector.locator("#class-answers").waitFor({ state: "detached" });
    await expect.poll(() => results.textContent()).toContain("Outcome");
  });
});
