// Practice alone, in headless Chromium against the real server: from the home
// page, "Practise" seats the participant in Japan with the four other
// delegations played by the computer and the computer chairing. The server's
// clock is moved on at each phase (as if its short timer ran out), the
// participant signs the code, and the debrief comes up on their screen with
// the computer delegations named as such.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { createAccordServer, type AccordServer } from "../../server/app.ts";
import { PHONE, ensureClientBuilt, hook, launchChromium, newPage, shoot, waitHook } from "./harness.ts";
import { PRACTICE_MINUTES } from "../../shared/bots/chair.ts";
import type { PhaseId } from "../../shared/scenario.ts";
import type { SessionView } from "../../shared/view.ts";
import { quietLog } from "../../server/log.ts";

let server: AccordServer;
let browser: Browser;
let ahead = 0;
beforeAll(async () => {
  ensureClientBuilt();
  server = await createAccordServer({
    port: 0,
    host: "127.0.0.1",
    log: quietLog(),
    restore: false,
    now: () => Date.now() + ahead,
    botPace: 0.002,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("practising alone against the computer", () => {
  test("one student and four computer delegations reach the debrief", async () => {
    const { page } = await newPage(browser, PHONE);
    await page.goto(`${server.url}/?test=1`);
    await page.click("#practise-open");
    await page.locator("#practise-delegation option[value='japan']").waitFor({ state: "attached" });
    await page.fill("#practise-name", "Yuki");
    await page.selectOption("#practise-delegation", "japan");
    await page.selectOption("#practise-difficulty", "cooperative");
    await shoot(page, "practise-form-phone-360");
    await page.click("#practise-button");
    await waitHook(page, "a.page === 'game' && a.view && a.view.seats.filter(s => s.computer).length === 4");

    const view = () => hook<SessionView>(page, "view");
    const me = (await view()).seats.find((s) => s.name === "Yuki")!;
    expect(me).toMatchObject({ delegation: "japan", isHead: true });
    expect((await view()).autoChair).toBe(true);

    // Each phase ends when its short timer runs out: move the server's clock past it.
    const timeUp = async (phase: PhaseId) => {
      const ms = PRACTICE_MINUTES[phase] * 60_000;
      await waitHook(
        page,
        `a.view.phase === '${phase}' && a.view.timer.state === 'running' && a.view.timer.durationMs === ${ms}`,
      );
      ahead += 9 * 60_000;
      await waitHook(page, `a.view.phase !== '${phase}'`, 25_000);
    };
    await timeUp("briefing");
    // The computer delegations open with their public positions, on the floor the student reads.
    await waitHook(
      page,
      "a.view.channels.find(c => c.id === 'floor').messages.some(m => m.name === 'China (computer)')",
    );
    await timeUp("opening");
    await waitHook(page, "a.view.provisions.length >= 6");
    await timeUp("negotiation");
    await waitHook(page, "a.view.phase === 'final-text'");
    // The computer chair puts the brackets to a vote; the student, as head, votes like anyone.
    await timeUp("final-text");
    await waitHook(page, "a.view.phase === 'signing' && a.view.instruments[0].frozen");
    await page.locator("button.sign-button").click();
    await waitHook(page, "a.view.signatures.some(s => s.delegation === 'japan')");
    await timeUp("signing");

    await waitHook(page, "a.view.phase === 'debrief' && a.view.debrief");
    await page.locator("#panel h2", { hasText: "Debrief" }).waitFor();
    const final = await view();
    expect(final.debrief!.scores.find((s) => s.delegation === "japan")!.signed).toContain("code");
    const signers = final.signatures.filter((s) => s.instrument === "code").map((s) => s.name);
    expect(signers).toContain("Yuki");
    expect(signers.filter((n) => n.endsWith("(computer)")).length).toBeGreaterThanOrEqual(2);
    const text = await page.textContent("body");
    expect(text).toContain("(computer)");
    await shoot(page, "practise-debrief-phone-360");
  }, 180_000);
});
