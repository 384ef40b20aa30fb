// A class of two tables as a teacher runs it, in headless Chromium against the
// real server: hosted from the home page with short timers, four students who
// type nothing but the class link are spread over the tables, the class console
// runs the phases of both together (each table's own console freezes its
// text), and the class projector compares both tables at the debrief — fitting
// 1920x1080 and 1280x720 with no text under 28px and nothing cut off.
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { SessionLink } from "../../client/net/connection.ts";
import { PHONE, PROJECTOR, hook, newPage, resize, shoot, waitHook, withBrowserAndServer } from "./harness.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

interface ConsoleView {
  code: string;
  tables: { table: number; code: string; phase: string; timer: { state: string }; students: { name: string }[] }[];
}
const consoleView = (page: Page) => hook<ConsoleView>(page, "view");
const together = async (page: Page, name: string) => {
  await page.getByRole("button", { name }).click();
  await expect.poll(() => page.textContent("#together-status")).toContain("done at every table");
};

/** A student opens the class link on their phone, types a name and joins; answers the table's code they landed at. */
async function joinByClassLink(base: string, classCode: string, name: string): Promise<{ page: Page; table: string }> {
  const { page } = await newPage(browser, PHONE);
  await page.goto(`${base}/j/${classCode}?test=1`);
  await expect.poll(() => page.textContent("#session-title")).toContain("one of 2 tables");
  await page.fill("#name", name);
  await page.click("#join-button");
  await waitHook(page, "a.page === 'game' && a.scene");
  const table = /\/j\/([A-Z0-9]{6})/.exec(page.url())![1]!;
  return { page, table };
}

/** What axe-core (the accessibility checker) finds serious or critical on the page, by rule. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } })
      .axe;
    const { violations } = await axe.run();
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  });
}

/** Every element with text on the page is at least 28px, and nothing lies outside the window. */
async function readableAndInside(page: Page): Promise<{ small: string[]; outside: string[] }> {
  return page.evaluate(() => {
    const small: string[] = [];
    const outside: string[] = [];
    const w = innerWidth;
    const h = innerHeight;
    for (const el of document.querySelectorAll<HTMLElement>("#compare-root *")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      if (!own) continue;
      if (parseFloat(getComputedStyle(el).fontSize) < 28) small.push(el.textContent!.trim().slice(0, 40));
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 || r.bottom > h + 1 || r.left < -1 || r.top < -1)
        outside.push(el.textContent!.trim().slice(0, 40));
    }
    return { small, outside };
  });
}

describe("several tables in one class", () => {
  test("hosted from the home page, joined by one class code, run together, compared on the projector", async () => {
    const { page: host } = await newPage(browser, { width: 1280, height: 900 });
    await host.goto(`${server.url}/`);
    await host.click("#host-new summary");
    await host.locator("#preset option[value='period-45']").waitFor({ state: "attached" });
    await host.selectOption("#preset", "period-45");
    for (const input of await host.locator("#plan-phases input").all()) await input.fill("0.5");
    await host.selectOption("#tables", "2");
    expect(await host.textContent("#host-button")).toBe("Create a class of 2 tables");
    await host.click("#host-button");
    await host.waitForURL(/\/class\/[A-Z0-9]{6}#key=/);
    await host.locator("#class-code").waitFor();
    await host.goto(host.url().replace("#", "?test=1#"));
    await waitHook(host, "a.page === 'class' && a.view && a.view.tables.length === 2");
    const classCode = (await host.textContent("#class-code"))!.trim();
    const tableCodes = (await consoleView(host)).tables.map((t) => t.code);
    expect(tableCodes).toHaveLength(2);
    expect(tableCodes).not.toContain(classCode);

    // Four students, one class link: each lands at the emptiest table, so two at each.
    const wei = await joinByClassLink(server.url, classCode, "Wei");
    const anna = await joinByClassLink(server.url, classCode, "Anna");
    const lin = await joinByClassLink(server.url, classCode, "Lin");
    const omar = await joinByClassLink(server.url, classCode, "Omar");
    expect([wei.table, anna.table, lin.table, omar.table]).toEqual([...tableCodes, ...tableCodes]);
    await waitHook(host, "a.view.tables.every((t) => t.students.length === 2)");
    expect(await host.locator(".table-card .students").allTextContents()).toEqual([
      expect.stringMatching(/Wei.*Lin/),
      expect.stringMatching(/Anna.*Omar/),
    ]);
    // A reload of the class link brings the student back to the same table and seat.
    await wei.page.goto(`${server.url}/j/${classCode}?test=1`);
    await waitHook(wei.page, "a.page === 'game' && a.scene");
    expect(wei.page.url()).toContain(`/j/${wei.table}`);

    // The console redraws as students come and go without taking the keyboard's place.
    await host.focus("#open-table-2");
    await host.waitForTimeout(1_700);
    expect(await host.evaluate(() => document.activeElement?.id)).toBe("open-table-2");

    // Run together: the briefing's timers, then the phases, at both tables at once.
    await host.fill("#together-minutes", "0.5");
    await together(host, "Start timers");
    await waitHook(host, "a.view.tables.every((t) => t.timer.state === 'running')");
    await expect
      .poll(() => host.locator(".table-card .timer").allTextContents())
      .toEqual([expect.stringMatching(/^0:[0-3]\d$/), expect.stringMatching(/^0:[0-3]\d$/)]);
    await shoot(host, "class-console-1280");
    expect(await accessibilityProblems(host)).toEqual([]);
    await resize(host, PROJECTOR);
    await shoot(host, "class-console-1920");
    await resize(host, { width: 1280, height: 720 });
    await shoot(host, "class-console-1280x720");
    // On the teacher's phone too: nothing wider than the screen.
    await resize(host, PHONE);
    expect(await host.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(host, "class-console-phone-360", true);
    await resize(host, { width: 1280, height: 900 });

    await together(host, "Next phase ▶ (all tables)");
    await waitHook(wei.page, "a.scene === 'opening'");
    await waitHook(anna.page, "a.scene === 'opening'");
    await together(host, "Next phase ▶ (all tables)");
    await waitHook(wei.page, "a.scene === 'negotiation'");
    await waitHook(anna.page, "a.scene === 'negotiation'");
    // Each table drafts its own text.
    const table = async (student: Page, card: string) => {
      await student.click("#table-form summary");
      await student.locator(`[data-card="${card}"] .table-this`).click();
      await waitHook(student, "a.view.provisions.length === 1");
    };
    await table(wei.page, "protected-schools-hospitals");
    await table(anna.page, "state-sovereignty");
    await together(host, "Next phase ▶ (all tables)");
    await waitHook(host, "a.view.tables.every((t) => t.phase === 'final-text')");

    // Each table's own console (from the class console's link, the class key in it) freezes its text.
    for (const [n, student] of [
      [1, wei.page],
      [2, anna.page],
    ] as const) {
      const [tableConsole] = await Promise.all([
        host.context().waitForEvent("page"),
        host.getByRole("link", { name: `Open table ${n}'s console` }).click(),
      ]);
      // It knows its class: a link leads back to the class console.
      expect(await tableConsole.getAttribute("#class-link", "href")).toBe(
        `/class/${classCode}#key=${encodeURIComponent(new URL(host.url()).hash.slice(5))}`,
      );
      await tableConsole.getByRole("button", { name: "Freeze the text" }).click();
      await waitHook(student, "a.view.instruments[0].frozen");
      await tableConsole.close();
    }
    await together(host, "Next phase ▶ (all tables)");
    // At table 1 two delegations sign (the code counts); at table 2 only one does.
    for (const student of [wei.page, lin.page, anna.page]) {
      await waitHook(student, "a.scene === 'signing'");
      await student.locator(".sign-button").first().click();
      // A head whose red line the text crosses reads why first, and signs anyway.
      const anyway = student.getByRole("button", { name: "Sign anyway" });
      if (await anyway.count()) await anyway.click();
    }
    await waitHook(lin.page, "a.view.signatures.length === 2");
    await waitHook(anna.page, "a.view.signatures.length === 1");

    // The comparison downloads from the console as a spreadsheet.
    const [download] = await Promise.all([
      host.waitForEvent("download"),
      host.getByRole("link", { name: "Download the comparison (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`accord-class-${classCode}.csv`);

    // The class projector waits with the class code until a table reaches the debrief.
    const { page: projector } = await newPage(browser, PROJECTOR);
    await projector.goto(`${server.url}/class/${classCode}/screen?test=1`);
    await waitHook(projector, "a.page === 'class-screen' && a.data");
    expect(await projector.textContent("#screen-code")).toBe(classCode);
    expect(await readableAndInside(projector)).toEqual({ small: [], outside: [] });
    await shoot(projector, "class-screen-waiting-1920");
    await together(host, "Next phase ▶ (all tables)");
    await waitHook(projector, "a.data.tables.every((t) => t.final) && a.pages.length > 0");
    await expect.poll(() => projector.textContent("#compare-stage")).toContain("Table 2");
    const stage = (await projector.textContent("#compare-stage"))!;
    expect(stage).toContain("Table 1");
    expect(stage).toContain("Schools and hospitals off limits");
    expect(stage).toContain("(Wei)");
    expect(stage).toContain("(Lin)");
    expect(stage).toContain("(Anna)");
    expect(stage).toContain("Signed — the code counts");
    expect(stage).toContain("Signed — the code does not count");
    expect(stage).toContain("Result / walk-away");
    expect(stage).toContain("Commons");
    expect(await hook<number[][]>(projector, "pages")).toEqual([[1, 2]]);
    expect(await readableAndInside(projector)).toEqual({ small: [], outside: [] });
    await shoot(projector, "class-compare-1920");
    expect(await accessibilityProblems(projector)).toEqual([]);

    // At 1280x720 the tables are paged if they do not fit, and every page fits.
    await resize(projector, { width: 1280, height: 720 });
    await projector.waitForTimeout(400);
    const pages = await hook<number[][]>(projector, "pages");
    expect(pages.flat()).toEqual([1, 2]);
    for (let i = 0; i < pages.length; i++) {
      await waitHook(projector, `a.shownPage === ${i}`);
      expect(await readableAndInside(projector)).toEqual({ small: [], outside: [] });
      await shoot(projector, `class-compare-1280x720-page${i + 1}`);
      await projector.keyboard.press("ArrowRight");
    }
  }, 240_000);

  test("eight tables shown early on a 1280x720 projector: paged, every page readable and whole", async () => {
    const res = await fetch(`${server.url}/api/classes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tables: 8 }),
    });
    const klass = (await res.json()) as { code: string; hostKey: string };
    await fetch(`${server.url}/api/classes/${klass.code}/run`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${klass.hostKey}` },
      body: JSON.stringify({ run: "compare", shown: true }),
    });
    const { page: projector } = await newPage(browser, { width: 1280, height: 720 });
    await projector.goto(`${server.url}/class/${klass.code}/screen?test=1`);
    await waitHook(projector, "a.page === 'class-screen' && a.pages.length > 0");
    const pages = await hook<number[][]>(projector, "pages");
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (let i = 0; i < pages.length; i++) {
      await waitHook(projector, `a.shownPage === ${i}`);
      const shown = pages[i]!;
      await expect.poll(() => projector.textContent("#page-no")).toContain(`page ${i + 1} of ${pages.length}`);
      for (const t of shown) expect(await projector.textContent("#compare-stage")).toContain(`Table ${t}`);
      expect(await readableAndInside(projector)).toEqual({ small: [], outside: [] });
      if (i === 0) await shoot(projector, "class-compare-8-tables-1280x720");
      await projector.keyboard.press("ArrowRight");
    }
  });
});

describe("the class projector while tables are apart", () => {
  test("one table at the debrief, one still negotiating: the projector holds both tables' results back and says why", async () => {
    const made = await fetch(`${server.url}/api/classes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tables: 2 }),
    });
    expect(made.status).toBe(201);
    const klass = (await made.json()) as { code: string; hostKey: string; tables: { code: string }[] };
    const host = await SessionLink.open(
      klass.tables[0]!.code,
      { hostKey: klass.hostKey },
      server.url.replace(/^http/, "ws"),
    );
    try {
      for (let i = 0; i < 5; i++) host.act({ type: "phase.next" });
      await expect.poll(() => host.view?.phase).toBe("debrief");
      const { page: projector } = await newPage(browser, PROJECTOR);
      await projector.goto(`${server.url}/class/${klass.code}/screen`);
      // Until every table is at the debrief the projector keeps its waiting page: the code, and where each table is.
      await expect.poll(() => projector.textContent(".waiting-tables")).toContain("Table 1 Debrief");
      const text = (await projector.textContent("body"))!;
      expect(text).toContain("when every table reaches the debrief");
      expect(text).toContain("Table 2 Briefing");
      expect(text).not.toContain("walk-away");
      expect(await readableAndInside(projector)).toEqual({ small: [], outside: [] });
      await shoot(projector, "class-compare-held-back-1920");
    } finally {
      await host.leave();
    }
  });
});
