// Every vote states its rule (issue 12, finding 5): what a student, the
// console and the projector read before and after an amendment vote and a
// vote on bracketed text: the rule in plain words, who votes, the live tally
// and the outcome in the words of the vote's own buttons.
import { afterAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { SessionLink } from "../../client/net/connection.ts";
import { hook, joinByLink, openHostConsole, openProjector, shoot, waitHook, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));
const links: SessionLink[] = [];
afterAll(async () => {
  for (const l of links) await l.leave();
});

const SCHOOLS = "Schools and hospitals off limits";
const view = (page: Page) => hook<SessionView>(page, "view");

describe("a vote says its rule, who votes, the tally and the outcome", () => {
  test("an amendment and a bracket vote under consensus, before and after", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const projector = await openProjector(browser, server, code);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const ivan = await joinByLink(browser, server, code, "Ivan", "russia");
    const anna = await joinByLink(browser, server, code, "Anna", "united-states");
    // Wei's teammate tables and amends from another device.
    const li = await SessionLink.open(code, { name: "Li", delegation: "china" }, server.url.replace(/^http/, "ws"));
    links.push(li);
    for (let i = 0; i < 2; i++) {
      const phase = (await view(host)).phase;
      await host.getByRole("button", { name: "Next phase ▶" }).click();
      await waitHook(host, `a.phase !== '${phase}'`);
    }
    await waitHook(wei, "a.scene === 'negotiation'");
    li.act({ type: "provision.table", instrument: "code", card: "protected-schools-hospitals" });
    await waitHook(wei, "a.view.provisions.length === 1");
    const provision = (await view(wei)).provisions[0]!;
    li.act({
      type: "amendment.propose",
      provision: provision.id,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "Always" },
    });
    await waitHook(anna, "a.view.amendments.length === 1");

    // Before the amendment vote: the rule, who votes, the tally so far, on the student's card and the projector.
    await anna.locator(".provision-row", { hasText: SCHOOLS }).click();
    const card = anna.locator("#provision-card .amendment");
    await expect
      .poll(() => card.locator(".rule").textContent())
      .toContain(
        "Rule: consensus. Adopted only if no delegation votes No; one No rejects it. Abstaining doesn't block.",
      );
    expect(await card.locator(".rule").textContent()).toContain(
      "One vote per delegation: any member casts it; only the head can change it.",
    );
    expect(await card.locator(".votes").textContent()).toBe("Votes: Yes 1, No 0 · China: yes (Li)");
    await expect
      .poll(() => projector.locator(".draft .amendment .rule").textContent())
      .toContain("Adopted only if no delegation votes No");

    // Russia says yes, the United States no: rejected, and everyone is told why, in Yes and No.
    await ivan.locator(".provision-row", { hasText: SCHOOLS }).click();
    await ivan.getByRole("button", { name: "✓ Yes, change it" }).click();
    await expect.poll(() => card.locator(".votes").textContent()).toContain("Yes 2, No 0");
    await shoot(anna, "vote-amendment-phone-360", { at: "#provision-card .amendment" });
    await anna.getByRole("button", { name: "✗ No, keep it" }).click();
    for (const p of [wei, anna])
      await expect
        .poll(() => p.textContent(".toasts"))
        .toContain(
          `China's amendment to “${SCHOOLS}” was rejected by a vote: Yes 2, No 1 (under consensus one No is enough).`,
        );

    // Anna objects, so the text is bracketed; in Final text the host puts it to a vote of the heads.
    await anna.click("#provision-card .stance-button.stance-objection");
    await expect.poll(() => host.locator("#drafting li", { hasText: SCHOOLS }).textContent()).toContain(`[${SCHOOLS}]`);
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    for (const p of [wei, ivan, anna]) await waitHook(p, "a.scene === 'final-text'");
    await host.locator("#drafting li", { hasText: SCHOOLS }).getByRole("button", { name: "Put it to a vote" }).click();

    // Before: each screen states the rule in Keep and Drop, that heads vote, and the live tally.
    const bracketRule =
      "Rule: consensus. Kept only if no delegation votes Drop; one Drop drops it. Abstaining doesn't block. Heads of delegation vote: one vote per delegation.";
    const item = wei.locator(".final-item", { hasText: SCHOOLS });
    await expect.poll(() => item.locator(".vote .rule").textContent()).toBe(bracketRule);
    expect(await item.locator(".tally").textContent()).toBe("nobody has voted yet (0 of 3)");
    await expect
      .poll(() => projector.locator(".draft li", { hasText: SCHOOLS }).locator(".rule").textContent())
      .toBe(bracketRule);
    expect(await host.locator("#drafting li", { hasText: SCHOOLS }).locator(".rule").textContent()).toBe(bracketRule);
    await shoot(projector, "vote-projector-1920");
    await wei.getByRole("button", { name: "✓ Keep it" }).click();
    await ivan.getByRole("button", { name: "✓ Keep it" }).click();
    await expect
      .poll(() => item.locator(".tally").textContent())
      .toMatch(/^Keep 2, Drop 0 · 2 of 3 voted · (?=.*China: keep)(?=.*Russia: keep)/);
    await shoot(wei, "vote-bracket-open-phone-360", { at: ".final-item.status-bracketed" });
    await anna.getByRole("button", { name: "✗ Drop it" }).click();

    // After: the outcome in the buttons' words, and why, on the phone, the console and the projector.
    const outcome = "Dropped by a vote: Keep 2, Drop 1 (under consensus one Drop is enough)";
    await expect.poll(() => item.locator(".resolution").textContent()).toBe(outcome);
    await expect
      .poll(() => projector.locator(".draft li", { hasText: SCHOOLS }).locator(".resolution").textContent())
      .toBe(outcome);
    await expect
      .poll(() => host.locator("#drafting li", { hasText: SCHOOLS }).locator(".resolution").textContent())
      .toBe(outcome);
    await shoot(wei, "vote-bracket-result-phone-360", { at: ".final-item" });
  }, 120_000);
});
