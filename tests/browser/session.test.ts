// End to end in headless Chromium against the real server: a teacher creates a
// session from the join page, three students join (by link, by code, with a
// delegation), and the class plays through to the debrief. Assertions are on
// what each person sees: page text, and the canvas through the test hook.
// (The screenshots come from screens.test.ts.)
import { resultWords } from "../../shared/rules/result-words.ts";
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { PHONE, PROJECTOR, hook, newPage, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

const EXTRA = "Attacks on them are reported to every signatory at once.";
const view = (page: Page) => hook<SessionView>(page, "view");
const waitHook = (page: Page, fn: string) =>
  page.waitForFunction(
    `(() => { const a = window.__accord; try { return !!(a && (${fn})); } catch { return false; } })()`,
    null,
    { timeout: 15_000 },
  );
const seatCount = async (code: string) => {
  const facts = (await (await fetch(`${server.url}/api/sessions/${code}`)).json()) as {
    delegations: { seated: number }[];
  };
  return facts.delegations.reduce((n, d) => n + d.seated, 0);
};

async function joinAs(page: Page, code: string, name: string, delegation: string, byLink: boolean): Promise<void> {
  if (byLink) {
    await page.goto(`${server.url}/j/${code}`);
    // The link fills in the code and puts the cursor on the name.
    expect(await page.inputValue("#code")).toBe(code);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("name");
  } else {
    await page.goto(`${server.url}/`);
    await page.locator("#code").pressSequentially(code.toLowerCase());
    expect(await page.inputValue("#code")).toBe(code);
  }
  await page.locator("#delegation-field").waitFor({ state: "visible" });
  await page.selectOption("#delegation", delegation);
  await page.fill("#name", name);
  await page.click("#join-button");
  await waitHook(page, "a.page === 'game' && a.scene");
}

describe("a short session, played in the browser", () => {
  test("host and three delegates play from joining to the debrief", async () => {
    // The teacher creates a session from the join page.
    const teacher = await newPage(browser, { width: 1280, height: 900 });
    const host = teacher.page;
    await host.goto(`${server.url}/`);
    await host.click("#host-new summary");
    await host.locator("#scenario option[value='cyber-code']").waitFor({ state: "attached" });
    await host.click("#host-button");
    await host.waitForURL(/\/host\/[A-Z0-9]{6}#key=/);
    await host.locator("#phase-controls").waitFor();
    const code = (await host.textContent("#host-code"))!.trim();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    expect(await host.getAttribute("img.qr", "src")).toBe(`/api/sessions/${code}/qr.svg`);

    // The projector shows the code and the QR code in the lobby.
    const projector = await newPage(browser, PROJECTOR);
    await projector.page.goto(`${server.url}/screen/${code}`);
    await projector.page.locator("#screen-code").waitFor();
    expect(await projector.page.textContent("#screen-code")).toBe(code);

    // Three students: one by the link, two by typing the code.
    const wei = (await newPage(browser, PHONE)).page;
    const anna = (await newPage(browser, PHONE)).page;
    const kenji = (await newPage(browser, PHONE)).page;
    await joinAs(wei, code, "Wei", "china", true);
    await joinAs(anna, code, "Anna", "united-states", false);
    await joinAs(kenji, code, "Kenji", "japan", false);
    expect(await hook(wei, "scene")).toBe("lobby");
    await waitHook(host, "a.view.seats.filter(s => s.role === 'delegate').length === 3");
    await host.locator("#roster tbody tr", { hasText: "Kenji" }).waitFor();
    expect(await host.textContent("#roster")).toContain("★ head");
    // The strip on Wei's phone shows each seated delegation by its emblem and who is here; the page's
    // text (for a screen reader) names them.
    const seats = await hook<string[]>(wei, "canvasTexts");
    expect(seats).toEqual(expect.arrayContaining(["CN", "US", "JP", "● 1/1", "empty"]));
    expect(await wei.textContent("#table-words")).toContain("China (you), 1 of 1 online");
    expect(await wei.textContent("#table-words")).toContain("United States, 1 of 1 online");

    // A name already taken is refused next to the name field, and no seat is added.
    const taken = (await newPage(browser, PHONE)).page;
    const before = await seatCount(code);
    await taken.goto(`${server.url}/j/${code}`);
    await taken.fill("#name", "wei");
    await taken.click("#join-button");
    await expect
      .poll(() => taken.textContent("#name-error"))
      .toBe("This name is taken in this session — add an initial.");
    expect(await seatCount(code)).toBe(before);
    await taken.context().close();

    // Briefing: each delegation reads its own secret brief, and no other.
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(wei, "a.scene === 'briefing'");
    const weiView = await view(wei);
    const chinaBrief = weiView.scenario.delegations.find((d) => d.id === "china")!.brief!.instructions;
    await expect.poll(() => wei.textContent("#panel")).toContain(chinaBrief);
    expect(await anna.textContent("#panel")).not.toContain(chinaBrief);
    // A red line is said by what it is about, in words, not by its tag's id.
    const redLines = await wei.locator("#panel .red-lines li").allTextContents();
    expect(redLines[0]).toMatch(/^Anything tagged #free flow: Your government will not accept/);
    expect(weiView.scenario.delegations.filter((d) => d.brief).map((d) => d.id)).toEqual(["china"]);

    // A refused action: the floor is closed in the briefing. The refusal shows under the input and nothing is said.
    await wei.fill("#say-text", "Hello everyone");
    await wei.click(".say button");
    await expect.poll(() => wei.textContent("#talk .action-error")).toMatch(/\S/);
    expect((await view(wei)).channels.find((c) => c.id === "floor")!.messages).toEqual([]);

    // Opening, then negotiation.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(anna, "a.scene === 'opening'");
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(kenji, "a.scene === 'negotiation'");

    // Wei tables a card; everyone sees it on the table and in the list.
    await waitHook(wei, "a.scene === 'negotiation'");
    await wei.click("#table-form summary");
    await wei.locator('[data-card="protected-schools-hospitals"] .table-this').click();
    const title = (await view(wei)).scenario.cards.find((c) => c.id === "protected-schools-hospitals")!.title;
    await expect.poll(() => anna.textContent("#provision-list")).toContain(title);
    // On a phone the canvas is a strip of seats: what lies on the table is in the list and in the canvas's words.
    await expect.poll(() => kenji.textContent("#table-words")).toContain(`On the table: ${title} (Tabled)`);

    // A reload takes Wei's seat back silently: same seat, no new seat.
    const weiSeat = (await hook<{ seat: string }>(wei, "welcome")).seat;
    const seated = await seatCount(code);
    await wei.reload();
    await waitHook(wei, "a.page === 'game' && a.scene === 'negotiation'");
    expect((await hook<{ seat: string }>(wei, "welcome")).seat).toBe(weiSeat);
    expect(await seatCount(code)).toBe(seated);

    // Anna's connection drops: the page says so, comes back by itself, and keeps her seat.
    const annaSeat = (await hook<{ seat: string }>(anna, "welcome")).seat;
    await anna.evaluate(() =>
      (window as unknown as { __accord: { dropConnection: () => void } }).__accord.dropConnection(),
    );
    await expect.poll(() => anna.getAttribute(".topbar .conn", "data-state"), { interval: 20 }).toBe("reconnecting");
    await expect.poll(() => anna.getAttribute(".topbar .conn", "data-state"), { timeout: 15_000 }).toBe("connected");
    expect((await hook<{ seat: string }>(anna, "welcome")).seat).toBe(annaSeat);
    await waitHook(anna, `a.view.seats.some((s) => s.id === "${annaSeat}" && s.connected)`);
    expect(await seatCount(code)).toBe(seated);

    // Anna amends the text; the others see a word diff and vote for it.
    await anna.locator(".provision-row", { hasText: title }).click();
    await anna.click("#provision-card .amend summary");
    const text = await anna.inputValue("#amend-text");
    await anna.fill("#amend-text", `${text} ${EXTRA}`);
    await expect.poll(() => anna.textContent("#provision-card .preview ins")).toBe(EXTRA);
    await anna.click("#propose-amendment");
    for (const page of [wei, kenji]) {
      await page.locator(".provision-row", { hasText: title }).click();
      await expect.poll(() => page.textContent("#provision-card .amendment ins.diff")).toBe(EXTRA);
      await page.click("#provision-card button.vote-yes");
    }
    await expect.poll(() => kenji.textContent("#provision-card .provision-text")).toContain(EXTRA);
    expect((await view(kenji)).provisions[0]!.versions).toHaveLength(2);

    // Stances: Kenji supports; Anna sees it as words, not only a colour.
    await kenji.click("#provision-card .stance-button.stance-support");
    await expect.poll(() => anna.textContent("#provision-card")).toContain("Japan: ✓ Support");
    // China tabled it, so Wei hears of the stance in a toast; for Anna it is a chip on the card, not a toast
    // (stances are the commonest move of all: a toast for each would bury the ones that matter).
    await expect.poll(() => wei.textContent(".toasts")).toContain(`Japan supports “${title}”`);
    expect(await anna.textContent(".toasts")).not.toContain("Japan supports");

    // Final text: the host freezes the code; everyone sees the version.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(wei, "a.scene === 'final-text'");
    await host.getByRole("button", { name: "Freeze the text" }).click();
    await expect.poll(() => wei.textContent("#panel")).toContain("Frozen: this is the text that will be signed.");

    // Signing: heads sign; every screen shows who signed.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(wei, "a.scene === 'signing'");
    await wei.click(".sign-button");
    await anna.click(".sign-button");
    await expect.poll(() => kenji.textContent(".signatures")).toContain("signed by Wei");
    await expect
      .poll(async () => (await hook<string[]>(kenji, "canvasTexts")).filter((t) => t.includes("signed")).length)
      .toBe(2);
    expect(await wei.textContent("#panel")).toContain("Your delegation has signed.");

    // Debrief: scores with briefs revealed, the meters, the questions.
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(kenji, "a.scene === 'debrief'");
    const debrief = (await view(kenji)).debrief!;
    expect(debrief.scores).toHaveLength(5);
    const panel = (await kenji.textContent("#panel"))!;
    expect(panel).toContain("Each delegation against its own alternative");
    expect(panel).toContain(`The Internet: ${debrief.commons > 0 ? "+" : ""}${debrief.commons}`);
    expect(panel).toContain("China's secret brief");
    const china = debrief.scores.find((s) => s.delegation === "china")!;
    expect(panel).toContain(resultWords("China", china));
    expect(panel).not.toContain(`China ${china.score} points`);
    expect(await hook<string[]>(kenji, "canvasTexts")).toContain(
      `The Internet: ${debrief.commons > 0 ? "+" : ""}${debrief.commons}`,
    );
    await host.locator("#host-debrief").waitFor();
    expect(await host.getAttribute(".exports a[href*='export.csv']", "href")).toMatch(
      new RegExp(`/api/sessions/${code}/export.csv\\?key=`),
    );
  }, 150_000);
});
