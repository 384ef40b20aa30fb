// Scores follow meaning, in the open, on a phone: a student drafting free
// text picks its tags; every provision shows its card, the article's words and
// its tags; the decision rule and the consensus deadline are shown where
// people vote; the delegation sees its own running score; and a head about to
// sign across a red line reads a plain-words warning first.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { PHONE, hook, newPage, openHostConsole, shoot, waitHook, withBrowserAndServer } from "./harness.ts";
import { Player, createSession } from "../server/harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const view = (page: Page) => hook<SessionView>(page, "view");

describe("scoring in the open, on a phone", () => {
  test("tags picked for free text, meaning and rule on the card, the running score, and the red-line warning", async () => {
    const { code, hostKey } = await createSession(server);
    const host = await Player.join(server, code, { hostKey }, "host");
    const amy = await Player.join(server, code, { name: "Amy", delegation: "united-states" }, "amy");
    const wei = (await newPage(browser, PHONE)).page;
    await wei.goto(`${server.url}/j/${code}`);
    await wei.locator("#delegation-field").waitFor({ state: "visible" });
    await wei.selectOption("#delegation", "china");
    await wei.fill("#name", "Wei");
    await wei.click("#join-button");
    await waitHook(wei, "a.page === 'game' && a.scene");
    await host.ok({ type: "phase.next" });
    await host.ok({ type: "phase.next" });
    await waitHook(wei, "a.scene === 'negotiation'");

    // Free text: Wei picks the tags it counts for; everyone will see them.
    await wei.click("#table-form summary");
    await wei.fill("#draft-title", "Hospitals and power grids are safe");
    await wei.fill("#draft-text", "No state attacks hospitals or power grids in cyberspace.");
    await wei.check("#draft-tags input[value='civilian']");
    await wei.check("#draft-tags input[value='infrastructure']");
    await wei.click("#table-draft");
    await expect
      .poll(async () => (await view(wei)).provisions.map((p) => p.tags))
      .toEqual([["civilian", "infrastructure"]]);

    // A card crossing China's red line, tabled by the United States.
    await amy.ok({ type: "provision.table", instrument: "code", card: "free-flow" });

    // The running score: only China's own figures, against its walk-away.
    await expect.poll(() => wei.textContent("#running-score")).toContain("below your walk-away (6)");
    expect(await wei.textContent("#running-score")).toContain("Red line crossed by “Free flow of information");

    // The free-flow card opened: its card, the article's words with the citation, and its tags.
    await wei.locator(".provision-row", { hasText: "Free flow of information" }).click();
    const card = (await wei.textContent("#provision-card"))!;
    expect(card).toContain("Card: Free flow of information: the Internet as a global commons");
    expect(card).toContain("“view the Internet as a global commons dedicated to the free flow of information”");
    expect(card).toContain("GRA Quantum");
    expect(card).toContain("#free flow");

    // An amendment waits: the rule and the deadline for silent consent are shown with it, and who cast each vote.
    const provision = (await view(wei)).provisions.find((p) => p.card === "free-flow")!;
    await amy.ok({
      type: "amendment.propose",
      provision: provision.id,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "In principle," },
    });
    await expect
      .poll(() => wei.textContent("#provision-card .amendment"))
      .toMatch(/Adopted unless a delegation objects before \d\d:\d\d/);
    const amendment = (await wei.textContent("#provision-card .amendment"))!;
    expect(amendment).toContain("Rule: consensus. Adopted only if no delegation votes No");
    expect(amendment).toContain("United States: yes (Amy)");
    await shoot(wei, "scoring-phone-card", { at: "#provision-card" });
    await shoot(wei, "scoring-phone-running-score", { at: "#running-score" });
    await shoot(wei, "scoring-phone-amendment-rule", { at: "#provision-card .amendment" });

    // An amendment states the tags of its new text: they are shown with its diff and decided with it.
    await wei.click("#provision-card .amend summary");
    expect(await wei.isChecked("#amend-tags input[value='free-flow']")).toBe(true);
    await wei.fill("#amend-text", "Each state decides which information may enter its national cyberspace.");
    await wei.uncheck("#amend-tags input[value='free-flow']");
    await wei.uncheck("#amend-tags input[value='open-internet']");
    await wei.check("#amend-tags input[value='sovereignty']");
    await wei.click("#propose-amendment");
    await expect
      .poll(async () => (await view(wei)).amendments.find((a) => a.by === "china")?.tags)
      .toEqual(["sovereignty"]);
    await expect
      .poll(() => wei.textContent("#provision-card"))
      .toContain("New tags: #sovereignty (were #free flow#open internet)");

    // Final text and signing, with the free-flow card still in the code.
    await host.ok({ type: "phase.next" });
    await waitHook(wei, "a.scene === 'final-text'");
    await host.ok({ type: "instrument.freeze", instrument: "code" });
    await host.ok({ type: "phase.next" });
    await waitHook(wei, "a.scene === 'signing'");
    // Signing is a question, and the red line is in it before the head chooses.
    const question = wei.locator("#sign-question-code");
    await question.waitFor();
    expect(await question.locator(".question").textContent()).toBe(
      "Sign International Code of Conduct for Cyberspace as it stands (2 provisions)?",
    );
    const warning = wei.locator("#sign-warning-code");
    expect(await warning.textContent()).toBe(
      "Before you sign: Signing “International Code of Conduct for Cyberspace” crosses your red line: “Free flow of information: the Internet as a global commons” (free flow). Your government will not accept a rule that information must flow freely across its borders: it decides what its citizens may read. It would leave China below its walk-away of 6, at -1.",
    );
    expect(await question.getByRole("button").allTextContents()).toEqual(["✍ Sign anyway", "Not now"]);
    // Nothing is signed until the head chooses.
    expect((await view(wei)).signatures).toEqual([]);
    await shoot(wei, "scoring-phone-sign-warning", { at: "#sign-question-code" });
    // "Not now" is a recorded refusal, which the head can take back by signing after all.
    await wei.getByRole("button", { name: "Not now" }).click();
    await expect
      .poll(() => wei.textContent("#panel p.declined"))
      .toBe("✗ Your delegation declined to sign, for now. You can still sign until Signing ends.");
    expect(await wei.textContent("#panel .signatures")).toContain("China declined to sign, for now (Wei)");
    expect((await view(wei)).signatures).toEqual([]);
    await wei.getByRole("button", { name: "Sign after all…" }).click();
    await wei.getByRole("button", { name: "✍ Sign anyway" }).click();
    await expect.poll(async () => (await view(wei)).signatures.map((s) => s.delegation)).toEqual(["china"]);

    await amy.leave();
    await host.leave();
    await wei.context().close();
  }, 120_000);

  test("the host, as judge, re-tags a provision in Final text, and every screen sees it in the timeline", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const amy = await Player.join(server, code, { name: "Amy", delegation: "united-states" }, "amy");
    for (let i = 0; i < 2; i++)
      await host
        .getByRole("button", { name: /Next phase|Start the briefing/ })
        .first()
        .click();
    await waitHook(host, "a.view.phase === 'negotiation'");
    await amy.ok({ type: "provision.table", instrument: "code", card: "threat-data" });
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(host, "a.view.phase === 'final-text'");
    await host.click("#drafting .retag summary");
    await host.uncheck("#drafting .retag input[value='information-sharing']");
    await host.click("#drafting .retag-save");
    await expect.poll(() => amy.view!.provisions[0]!.tags).toEqual(["cooperation"]);
    expect(amy.view!.timeline.at(-1)!.text).toBe(
      "The host, as judge, re-tagged “Sharing cyber threat data”: it now counts for cooperation (was information-sharing, cooperation)",
    );
    await amy.leave();
    await host.context().close();
  }, 90_000);
});
