// The host console driven as a teacher would, with students on their phones
// and the projector on the wall: roster powers (make head, move, hand a seat,
// kick), lock, broadcast, news injects, a private channel that stays private,
// and a bracketed provision resolved by a vote of the heads of delegation.
// Every assertion is on what one of these people sees.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import {
  CHROMEBOOK,
  PHONE,
  everythingOn,
  hook,
  joinByLink,
  newPage,
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
const seatOf = async (page: Page) => (await hook<{ seat: string }>(page, "welcome")).seat;
const row = (host: Page, name: string) =>
  host.locator("#roster tbody tr").filter({ has: host.locator(".seat-name", { hasText: new RegExp(`^${name}$`) }) });
const who = (page: Page) => page.textContent(".topbar .who");
const briefOf = (v: SessionView, delegation: string) =>
  v.scenario.delegations.find((d) => d.id === delegation)!.brief!.instructions;
const delegates = async (host: Page) => (await view(host)).seats.filter((s) => s.role === "delegate").length;

describe("the host console, with students watching", () => {
  test("make head, move, hand a seat and kick: each student's screen follows", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const lin = await joinByLink(browser, server, code, "Lin", "china");
    const anna = await joinByLink(browser, server, code, "Anna", "united-states");
    await row(host, "Anna").waitFor();
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(lin, "a.scene === 'briefing'");
    const hostView = await view(host);
    const chinaBrief = briefOf(hostView, "china");
    const russiaBrief = briefOf(hostView, "russia");
    await expect.poll(() => lin.textContent("#panel")).toContain(chinaBrief);

    // Make head: Lin now leads China; Wei no longer does.
    expect(await who(wei)).toContain("★ head");
    await row(host, "Lin").getByRole("button", { name: "Make head" }).click();
    await expect.poll(() => who(lin)).toContain("★ head");
    await expect.poll(() => who(wei)).not.toContain("★ head");
    expect(await row(host, "Lin").textContent()).toContain("★ head");
    expect(await row(host, "Wei").textContent()).not.toContain("★ head");

    // Move Lin to Russia: her screen shows Russia and Russia's brief, and China's secrets leave her page.
    await row(host, "Lin").getByLabel("Move Lin to").selectOption("russia");
    await row(host, "Lin").getByRole("button", { name: "Move" }).click();
    await expect.poll(() => who(lin)).toContain("Russia");
    await expect.poll(() => lin.textContent("#panel")).toContain(russiaBrief);
    expect(await lin.textContent("#panel")).not.toContain(chinaBrief);
    expect(await everythingOn(lin)).not.toContain(chinaBrief);
    // China's head passes back to Wei, its only delegate.
    await expect.poll(() => who(wei)).toContain("★ head");
    expect(await row(host, "Lin").textContent()).toContain("Russia");

    // Hand Anna's seat to someone else: the console shows the new rejoin code, Anna's device is told.
    const annaSeat = await seatOf(anna);
    const oldCode = (await row(host, "Anna").locator(".rejoin").textContent())!.trim();
    expect(oldCode).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    await row(host, "Anna").getByRole("button", { name: "Hand seat" }).click();
    await expect.poll(() => anna.textContent(".notice-area")).toContain("Your teacher gave your seat to someone else");
    await expect.poll(async () => (await row(host, "Anna").locator(".rejoin").textContent())!.trim()).not.toBe(oldCode);
    const newCode = (await row(host, "Anna").locator(".rejoin").textContent())!.trim();
    expect(newCode).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    await expect.poll(() => host.textContent(".toasts")).toContain(`New rejoin code for Anna's seat: ${newCode}`);
    // Anna's device is out of the session: one plain screen says so, no stale table.
    expect(await anna.textContent(".left-screen h1")).toBe("This device has left the session");
    expect(await anna.locator("#stage").count()).toBe(0);

    // A new student takes the seat with the code the teacher reads out.
    const sam = (await newPage(browser, PHONE)).page;
    await sam.goto(`${server.url}/j/${code}`);
    await sam.click("#rejoin-toggle");
    await sam.fill("#rejoin", newCode);
    await sam.click("#join-button");
    await waitHook(sam, "a.page === 'game' && a.scene === 'briefing'");
    expect(await seatOf(sam)).toBe(annaSeat);
    expect(await who(sam)).toContain("United States");
    await expect.poll(() => sam.textContent("#panel")).toContain(briefOf(hostView, "united-states"));
    // The old device stays let go: it does not take the seat back by itself.
    // Anna's device is out of the session: one plain screen says so, no stale table.
    expect(await anna.textContent(".left-screen h1")).toBe("This device has left the session");
    expect(await anna.locator("#stage").count()).toBe(0);

    // Kick Wei: he is told, and the roster no longer lists him.
    const before = await delegates(host);
    await row(host, "Wei").getByRole("button", { name: "Kick" }).click();
    await expect.poll(() => wei.textContent(".notice-area")).toContain("Your teacher removed you from this session");
    // His page is no longer a stale table: one plain screen, and the way back in.
    expect(await wei.textContent(".left-screen h1")).toBe("The teacher removed you from this session");
    expect(await wei.locator("#stage").count()).toBe(0);
    expect(await wei.locator("#panel").count()).toBe(0);
    expect(await wei.textContent(".left-screen")).not.toContain("delegation");
    expect(await wei.getByRole("link", { name: "Join again" }).getAttribute("href")).toBe(`/j/${code}`);
    await shoot(wei, "kicked-phone-360");
    await expect.poll(() => host.locator("#roster tbody").textContent()).not.toContain("Wei");
    expect(await delegates(host)).toBe(before - 1);
    await expect.poll(async () => (await view(lin)).seats.some((s) => s.name === "Wei")).toBe(false);
    for (const p of [host, wei, lin, anna, sam]) await p.context().close();
  }, 90_000);

  test("lock refuses a new student in plain words and unlock lets them in; a broadcast reaches every screen", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const projector = await openProjector(browser, server, code);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    await row(host, "Wei").waitFor();

    await host.getByRole("button", { name: "Lock joining" }).click();
    await expect.poll(() => host.textContent("#session-controls")).toContain("Joining is locked");
    const seated = await delegates(host);
    const zoe = (await newPage(browser, PHONE)).page;
    await zoe.goto(`${server.url}/j/${code}`);
    await zoe.fill("#name", "Zoe");
    await zoe.click("#join-button");
    await expect
      .poll(() => zoe.textContent("#code-error"))
      .toBe("The teacher has locked this session. Ask them to unlock it.");
    expect(await hook(zoe, "page")).toBe("join");
    expect(await delegates(host)).toBe(seated);

    await host.getByRole("button", { name: "Unlock joining" }).click();
    await expect.poll(() => host.textContent("#session-controls")).toContain("Joining is open");
    await zoe.click("#join-button");
    await waitHook(zoe, "a.page === 'game' && a.scene");
    await expect.poll(() => delegates(host)).toBe(seated + 1);

    const words = "Ten minutes to read your briefs, then we start.";
    await host.fill("#announce-text", words);
    await host.getByRole("button", { name: "Broadcast" }).click();
    for (const page of [wei, zoe, projector])
      await expect.poll(() => page.textContent("#announcement")).toContain(words);
    expect(await host.inputValue("#announce-text")).toBe("");
    for (const p of [host, projector, wei, zoe]) await p.context().close();
  }, 60_000);

  test("news, a private channel and a bracket vote, from the negotiation to the final text", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const projector = await openProjector(browser, server, code);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const ivan = await joinByLink(browser, server, code, "Ivan", "russia");
    const anna = await joinByLink(browser, server, code, "Anna", "united-states");
    await row(host, "Anna").waitFor();
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    for (let i = 0; i < 2; i++) {
      const phase = (await view(host)).phase;
      await host.getByRole("button", { name: "Next phase ▶" }).click();
      await waitHook(host, `a.phase !== '${phase}'`);
    }
    for (const p of [wei, ivan, anna]) await waitHook(p, "a.scene === 'negotiation'");

    // Wei tables the card on schools and hospitals.
    await wei.click("#table-form summary");
    await wei.locator('[data-card="protected-schools-hospitals"] .table-this').click();
    const title = "Schools and hospitals off limits";
    await expect.poll(() => projector.textContent(".draft")).toContain(title);

    // News: the host releases the hospital attack; it flashes on the projector and the phones, and flags the provision.
    const headline = "Role-play news: ransomware attack shuts down a city hospital";
    await host.locator("#injects li", { hasText: headline }).getByRole("button", { name: "Release" }).click();
    await expect.poll(() => projector.textContent(".news-flash")).toContain(headline);
    for (const p of [wei, anna]) await expect.poll(() => p.textContent(".news-flash")).toContain(headline);
    // Phones get the whole story, not just the headline.
    const story = "A ransomware attack has locked the computers of a large city hospital overnight.";
    for (const p of [wei, anna, projector]) expect(await p.textContent(".news-flash .news-body")).toContain(story);
    await shoot(wei, "news-phone-360");
    await expect.poll(() => wei.locator(".provision-row", { hasText: title }).textContent()).toContain("In the news");
    await expect.poll(() => projector.locator(".draft li", { hasText: title }).textContent()).toContain(headline);
    expect(await host.locator("#injects li", { hasText: headline }).textContent()).toContain("Released");

    // A private channel between China and Russia: both read it; the United States and the projector never get it.
    await wei.click("#talk .open-channel summary");
    await wei.locator("#talk .open-channel label", { hasText: "Russia" }).locator("input").check();
    await wei.getByRole("button", { name: "Open channel" }).click();
    const tab = (p: Page) => p.locator("#talk .talk-tabs button", { hasText: "Private" });
    await tab(wei).click();
    const secret = "Keep the sovereignty wording, we back you on data.";
    const reply = "Agreed: we object to free flow if they push it.";
    await wei.fill("#say-text", secret);
    await wei.click("#talk .say button");
    await tab(ivan).click();
    await expect.poll(() => ivan.textContent("#talk .messages")).toContain(secret);
    await ivan.fill("#say-text", reply);
    await ivan.click("#talk .say button");
    await expect.poll(() => wei.textContent("#talk .messages")).toContain(reply);
    // The host can read private channels in this scenario, and the students are told so.
    expect(await wei.textContent("#talk .talk-banner")).toContain(
      "your teacher can read team channels and private channels. At the debrief, every team and private channel is shown to the whole class",
    );
    // A public line after them, so we know the others' pages are up to date when we search them.
    await ivan.locator("#talk .talk-tabs button", { hasText: "Floor" }).click();
    await ivan.fill("#say-text", "Russia is ready to talk.");
    await ivan.click("#talk .say button");
    for (const p of [anna, projector]) {
      await expect.poll(async () => JSON.stringify((await view(p)).channels)).toContain("Russia is ready to talk.");
      const seen = await everythingOn(p);
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain(reply);
    }
    expect((await view(anna)).channels.map((c) => c.kind)).not.toContain("private");
    // Chat lines land in the talk panel, not in toasts over the table.
    await expect.poll(() => anna.textContent("#talk .messages")).toContain("Russia is ready to talk.");
    expect(await anna.textContent(".toasts")).not.toContain("Russia is ready to talk.");

    // Anna objects: the provision is [bracketed] on the phones and on the projector.
    await anna.locator(".provision-row", { hasText: title }).click();
    await anna.click("#provision-card .stance-button.stance-objection");
    await expect.poll(() => wei.locator(".provision-row", { hasText: title }).textContent()).toContain(`[${title}]`);
    await expect.poll(() => projector.locator(".draft li", { hasText: title }).textContent()).toContain("[Bracketed]");
    expect(await projector.locator(".draft li", { hasText: title }).locator(".text").textContent()).toMatch(/^\[.*\]$/);

    // Final text: the host puts it to a vote; the three heads vote; the result shows everywhere.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    for (const p of [wei, ivan, anna]) await waitHook(p, "a.scene === 'final-text'");
    await host.locator("#drafting li", { hasText: title }).getByRole("button", { name: "Put it to a vote" }).click();
    await expect.poll(() => wei.textContent("#panel")).toContain("Vote open");
    await expect.poll(() => projector.textContent(".draft")).toContain("Vote open");
    await wei.getByRole("button", { name: "Keep it" }).click();
    await ivan.getByRole("button", { name: "Keep it" }).click();
    await expect.poll(() => anna.textContent("#panel .tally")).toMatch(/^(?=.*China: keep)(?=.*Russia: keep)/);
    await anna.getByRole("button", { name: "Drop it" }).click();
    for (const p of [wei, anna])
      await expect
        .poll(() => p.locator(".final-item", { hasText: title }).textContent())
        .toContain("Dropped by a vote: Keep 2, Drop 1 (under consensus one Drop is enough)");
    await expect
      .poll(() => projector.locator(".draft li", { hasText: title }).textContent())
      .toContain("Dropped by a vote: Keep 2, Drop 1 (under consensus one Drop is enough)");
    expect((await view(wei)).provisions.find((p) => p.title === title)!.status).toBe("dropped");
    for (const p of [host, projector, wei, ivan, anna]) await p.context().close();
  }, 120_000);

  test("on a 768 px laptop the console leads with what this phase needs, and ending sits apart at the bottom", async () => {
    const { page: host, code } = await openHostConsole(browser, server, CHROMEBOOK);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const anna = await joinByLink(browser, server, code, "Anna", "united-states");
    await expect.poll(() => host.textContent(".toasts")).toContain("Anna joined");
    // The host's own arrival is not announced to the host.
    expect(await host.textContent(".toasts")).not.toContain("back online");
    const inView = async (locator: ReturnType<Page["locator"]>) => {
      await host.evaluate(() => window.scrollTo(0, 0));
      const box = (await locator.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= CHROMEBOOK.height;
    };

    // Only what applies now: the start button, with the plan's minutes said in words, until a timer runs.
    const minutesLabel = await host.locator("#phase-controls label").textContent();
    expect(minutesLabel).toMatch(/leave empty for the plan's \d+(\.\d+)? min/);
    expect(await host.getByRole("button", { name: "Pause" }).count()).toBe(0);
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await expect.poll(() => host.getByRole("button", { name: "Pause" }).count()).toBe(1);
    expect(await host.getByRole("button", { name: /Start/ }).count()).toBe(0);
    await host.getByRole("button", { name: "Pause" }).click();
    await expect.poll(() => host.getByRole("button", { name: "Resume" }).count()).toBe(1);

    for (let i = 0; i < 2; i++) {
      const phase = (await view(host)).phase;
      await host.getByRole("button", { name: "Next phase ▶" }).click();
      await waitHook(host, `a.phase !== '${phase}'`);
    }
    await waitHook(wei, "a.scene === 'negotiation'");
    const title = "Schools and hospitals off limits";
    await wei.click("#table-form summary");
    await wei.locator('[data-card="protected-schools-hospitals"] .table-this').click();
    await waitHook(anna, "a.view.provisions.length > 0");
    await anna.locator(".provision-row", { hasText: title }).click();
    await anna.click("#provision-card .stance-button.stance-objection");
    await expect.poll(() => host.locator("#drafting li", { hasText: title }).textContent()).toContain(`[${title}]`);

    // Final text: the bracket's buttons and the freeze are on the first screen.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(host, "a.phase === 'final-text'");
    const item = host.locator("#drafting li", { hasText: title });
    await item.getByRole("button", { name: "Put it to a vote" }).waitFor();
    for (const name of ["Drop it", "Put it to a vote"])
      expect(await inView(item.getByRole("button", { name }))).toBe(true);
    expect(await inView(host.getByRole("button", { name: "Freeze the text" }))).toBe(true);
    await shoot(host, "host-final-text-1366");
    await item.getByRole("button", { name: "Put it to a vote" }).click();
    for (const p of [wei, anna]) await p.getByRole("button", { name: "Keep it" }).click();
    await expect.poll(() => item.textContent()).toContain("Kept by a vote");
    await host.getByRole("button", { name: "Freeze the text" }).click();
    await expect.poll(() => host.getByRole("button", { name: "Unfreeze" }).count()).toBe(1);

    // Signing: who has signed and who has not, at the top.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(wei, "a.scene === 'signing'");
    const status = host.locator("#host-signing");
    await expect.poll(() => status.textContent()).toContain("China has not signed yet");
    expect(await inView(status)).toBe(true);
    // The head is asked about the text in words, not by its version's hash.
    expect(await wei.locator(".sign-question .question").first().textContent()).toBe(
      "Sign International Code of Conduct for Cyberspace as it stands (1 provision)?",
    );
    await wei.locator(".sign-button").first().click();
    await expect.poll(() => status.textContent()).toContain("China — signed by Wei");
    expect(await status.textContent()).toContain("United States has not signed yet");
    // Anna, head of the United States, declines: the teacher sees a refusal, not a delegation still to sign.
    await anna.getByRole("button", { name: "Not now" }).click();
    await expect.poll(() => status.textContent()).toContain("✗ United States declined to sign, for now (Anna)");
    await expect.poll(() => wei.textContent("#panel .signatures")).toContain("United States declined to sign, for now");
    await shoot(host, "host-signing-1366");

    // The record says which card was tabled, by its title.
    const csv = await host.evaluate(async () => {
      const a = document.querySelector<HTMLAnchorElement>('#join-info a[href*="export.csv"]')!;
      return (await fetch(a.href)).text();
    });
    expect(csv).toContain("moved on to Final text");
    expect(csv).toContain(`tabled the card “${title}” in “International Code of Conduct for Cyberspace”`);
    expect(csv).toContain("declined to sign “International Code of Conduct for Cyberspace”, for now");
    // The refusal stood, so the debrief says it: refusing to sign is an outcome too.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(wei, "a.scene === 'debrief'");
    await expect.poll(() => wei.textContent("#panel .texts .declined")).toBe("Declined to sign: United States (Anna)");

    // Ending and deleting are off the first screen, together, below everything else, each behind a confirmation.
    const zone = host.locator("#danger-zone");
    expect(await zone.getByRole("button", { name: "End session" }).count()).toBe(1);
    expect(await zone.getByRole("button", { name: "Delete this session now" }).count()).toBe(1);
    expect(await host.locator("#session-controls").getByRole("button", { name: "End session" }).count()).toBe(0);
    expect(await inView(zone)).toBe(false);
    const asked: string[] = [];
    host.removeAllListeners("dialog");
    host.on("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await zone.getByRole("button", { name: "End session" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("End the session for everyone?");
    expect((await view(host)).ended).toBeFalsy();
    for (const p of [host, wei, anna]) await p.context().close();
  }, 120_000);
});
