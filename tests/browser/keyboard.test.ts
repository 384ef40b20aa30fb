// Keyboard only: a student joins and acts without a mouse. Every control on
// the page is reachable with Tab and shows where the focus is; Enter submits
// the join form; refusals are read out from live regions.
import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { PHONE, hook, newPage, openHostConsole, waitHook, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

interface Focused {
  key: string;
  label: string;
  outline: string;
}

/**
 * A control's identity that survives the panel being redrawn (its elements
 * replaced): tag, key or label, and its place among controls that look the same.
 */
const IDENTITY = `
  const keyOf = (el) => el.tagName + "|" + (el.dataset.fk || el.id || (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 80));
  const identity = (el) => { const k = keyOf(el); return k + "#" + [...document.querySelectorAll(el.tagName)].filter((o) => keyOf(o) === k).indexOf(el); };
  const label = (el) => (el.getAttribute("aria-label") ?? el.textContent ?? el.id).trim().slice(0, 40);
`;

/** What has the focus, and how its focus is drawn. */
const focused = (page: Page) =>
  page.evaluate(`(() => { ${IDENTITY}
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  return { key: identity(el), label: label(el), outline: s.outlineStyle + " " + s.outlineWidth };
})()`) as Promise<Focused | null>;

/** Every control a person could use right now: visible, enabled, not inside a closed <details>. */
const controls = (page: Page) =>
  page.evaluate(`(() => { ${IDENTITY}
  const all = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])")];
  return all.filter((el) => {
    if (el.disabled || el.closest("[hidden]") || el.getClientRects().length === 0) return false;
    const details = el.closest("details");
    if (details && !details.open && el.tagName !== "SUMMARY") return false;
    if (el.tagName === "SUMMARY" && details && details.parentElement && details.parentElement.closest("details:not([open])")) return false;
    return true;
  }).map((el) => ({ key: identity(el), label: label(el) }));
})()`) as Promise<{ key: string; label: string }[]>;

/** Tabs through the whole page once; returns every element that took the focus, with its focus style. */
async function tabRound(page: Page, max = 80): Promise<Focused[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f) continue;
    if (seen.some((s) => s.key === f.key)) break;
    seen.push(f);
  }
  return seen;
}

async function everyControlByTab(page: Page): Promise<void> {
  const wanted = await controls(page);
  expect(wanted.length).toBeGreaterThan(2);
  const reached = await tabRound(page);
  const missing = wanted.filter((w) => !reached.some((r) => r.key === w.key)).map((w) => w.label);
  expect(missing).toEqual([]);
  // Each shows a visible focus ring (base.css: a 4px outline on :focus-visible).
  const unringed = reached
    .filter((r) => !/^(solid|auto) (4|3|2)px/.test(r.outline))
    .map((r) => `${r.label}: ${r.outline}`);
  expect(unringed).toEqual([]);
}

describe("keyboard only", () => {
  test("a student joins with the keyboard, acts, and hears refusals", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const { page } = await newPage(browser, PHONE);
    await page.goto(`${server.url}/`);
    // The cursor starts in the code field; every control of the join page is reachable.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("code");
    await everyControlByTab(page);

    // A wrong code, submitted with Enter, is refused in a live region next to the field.
    await page.focus("#code");
    await page.keyboard.type("tttt77");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Noor");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.textContent("#code-error"))
      .toBe("That code doesn't match a session — check the board.");
    expect(await page.getAttribute("#code-error", "role")).toBe("alert");
    // The cursor goes back to the field that was wrong.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("code");
    expect(await hook(page, "page")).toBe("join");

    // The right code, then Enter from the name field: the student is in.
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(code.toLowerCase());
    await page.locator("#delegation-field").waitFor({ state: "visible" });
    await page.focus("#name");
    await page.keyboard.press("Enter");
    await waitHook(page, "a.page === 'game' && a.scene === 'lobby'");
    expect((await hook<SessionView>(page, "view")).seats.some((s) => s.name === "Noor")).toBe(true);
    await everyControlByTab(page);

    // In the briefing the floor is closed: a refusal typed and sent with Enter is read out.
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await waitHook(page, "a.scene === 'briefing'");
    await page.focus("#say-text");
    await page.keyboard.type("Hello, floor");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent("#talk .action-error")).toMatch(/\S/);
    expect(await page.getAttribute("#talk .action-error", "role")).toBe("alert");
    expect((await hook<SessionView>(page, "view")).channels.find((c) => c.id === "floor")!.messages).toEqual([]);

    // Negotiation: table a card with the keyboard alone.
    for (let i = 0; i < 2; i++) {
      const phase = (await hook<SessionView>(host, "view")).phase;
      await host.getByRole("button", { name: "Next phase ▶" }).click();
      await waitHook(host, `a.phase !== '${phase}'`);
    }
    await waitHook(page, "a.scene === 'negotiation'");
    await page.focus("#table-form summary");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("#table-form", "open")).toBe("");
    // The gallery's first card: read, then tabled with its own button.
    await page.keyboard.press("Tab");
    const card = await page.evaluate(() =>
      document.activeElement?.classList.contains("table-this")
        ? document.activeElement.closest<HTMLElement>("[data-card]")?.dataset.card
        : undefined,
    );
    const title = (await hook<SessionView>(page, "view")).scenario.cards.find((c) => c.id === card)!.title;
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent("#provision-list")).toContain(title);

    // The panel is redrawn whenever anyone acts; the focus stays on the same control.
    await page.locator(".provision-row", { hasText: title }).focus();
    const before = await page.evaluate(() => document.activeElement?.outerHTML);
    // No news and no word from the teacher yet: the board under the top bar takes no room.
    expect(await page.isVisible(".bulletins")).toBe(false);
    await host.fill("#announce-text", "Five minutes left.");
    await host.getByRole("button", { name: "Broadcast" }).click();
    await expect.poll(() => page.textContent("#announcement")).toContain("Five minutes left.");
    expect(await page.isVisible(".bulletins")).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.fk)).toMatch(
      /^provision:/,
    );
    expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(before);
    // Open the card from the list and take a stance, by keyboard.
    await page.keyboard.press("Enter");
    await page.locator("#provision-card .stance-button.stance-support").focus();
    await page.keyboard.press("Space");
    await expect
      .poll(async () => (await hook<SessionView>(page, "view")).provisions[0]?.stances)
      .toEqual({
        [(await hook<SessionView>(page, "view")).seats.find((s) => s.name === "Noor")!.delegation!]: "support",
      });
    await expect
      .poll(() => page.getAttribute("#provision-card .stance-button.stance-support", "aria-pressed"))
      .toBe("true");
    await everyControlByTab(page);
    // Toasts are read out too.
    expect(await page.getAttribute(".toasts", "aria-live")).toBe("polite");
    await host.context().close();
    await page.context().close();
  }, 90_000);
});
