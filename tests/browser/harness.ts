// Browser test harness: builds the client when it is stale, starts the real
// server in-process on 127.0.0.1, and launches Debian's chromium (never a
// browser download) with the flags that work headless as root.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../tools/chromium.ts";
import { createAccordServer, type AccordServer } from "../../server/app.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
export const SHOTS = join(ROOT, "test-artifacts", "screens");

import { ensureClientBuilt } from "./build.ts";
import { quietLog } from "../../server/log.ts";

export { ensureClientBuilt, launchChromium };

export async function startServer(): Promise<AccordServer> {
  // A short hold keeps closing quick; reloads in the tests come back well within it.
  return createAccordServer({ port: 0, host: "127.0.0.1", log: quietLog(), restore: false, holdMs: 20_000 });
}

/** A test file's real server and Chromium: started before its tests (the client built if stale), closed after. */
export function withBrowserAndServer(ready: (server: AccordServer, browser: Browser) => void): void {
  let server: AccordServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureClientBuilt();
    server = await startServer();
    browser = await launchChromium();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

export const PHONE = { width: 360, height: 740 };
export const PROJECTOR = { width: 1920, height: 1080 };
export const TABLET = { width: 768, height: 1024 };
export const CHROMEBOOK = { width: 1366, height: 768 };

export async function newPage(browser: Browser, size = PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // Generous: two browser suites and a server share two cores in CI.
  page.setDefaultTimeout(25_000);
  page.on("dialog", (d) => void d.accept());
  return { context, page };
}

/**
 * A screenshot from the top of the page (or scrolled to `at`), without the
 * passing toasts (they would hide what is under them) and without a blinking caret.
 */
export async function shoot(
  page: Page,
  name: string,
  opts: boolean | { fullPage?: boolean; at?: string } = false,
): Promise<void> {
  const { fullPage = false, at } = typeof opts === "boolean" ? { fullPage: opts } : opts;
  mkdirSync(SHOTS, { recursive: true });
  if (at)
    await page
      .locator(at)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: "start" }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  // No hover highlight left where the last click happened.
  await page.mouse.move(0, 0);
  const style = await page.addStyleTag({
    content: ".toasts { visibility: hidden !important; } * { caret-color: transparent !important; }",
  });
  await settled(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
  await style.evaluate((el) => (el as Element).remove());
}

/** Waits until the game canvas (if any) fills its stage and two frames have been drawn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const stage = document.getElementById("stage");
      const canvas = stage?.querySelector("canvas");
      return (
        !stage || stage.offsetParent === null || (!!canvas && Math.abs(canvas.clientWidth - stage.clientWidth) <= 2)
      );
    },
    null,
    { timeout: 10_000, polling: 50 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Resizes the page and waits for the game (if any) to draw at the new size. */
export async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await settled(page);
}

/** Reads the test hook the test build's page exposes (client/test-hook.ts). */
export function hook<T>(page: Page, field: string): Promise<T> {
  return page.evaluate(
    (f) => (window as unknown as { __accord?: Record<string, unknown> }).__accord?.[f],
    field,
  ) as Promise<T>;
}

/** Waits until an expression over the page's test hook (`a`) is true. */
export function waitHook(page: Page, fn: string, timeout = 25_000): Promise<unknown> {
  return page.waitForFunction(
    `(() => { const a = window.__accord; try { return !!(a && (${fn})); } catch { return false; } })()`,
    null,
    { timeout, polling: 50 },
  );
}

/** The host console of a new session, opened as the teacher's link opens it (key in the fragment). */
export async function openHostConsole(
  browser: Browser,
  server: AccordServer,
  size = { width: 1280, height: 900 },
): Promise<{ page: Page; code: string; hostKey: string }> {
  const { code, hostKey } = await server.createSession();
  const { page } = await newPage(browser, size);
  await page.goto(`${server.url}/host/${code}#key=${encodeURIComponent(hostKey)}`);
  await page.locator("#phase-controls").waitFor();
  return { page, code, hostKey };
}

/** A student joins by the session's link with a display name and (optionally) a delegation, and waits for the table. */
export async function joinByLink(
  browser: Browser,
  server: AccordServer,
  code: string,
  name: string,
  delegation?: string,
  size = PHONE,
): Promise<Page> {
  const { page } = await newPage(browser, size);
  await page.goto(`${server.url}/j/${code}`);
  if (delegation) {
    await page.locator("#delegation-field").waitFor({ state: "visible" });
    await page.selectOption("#delegation", delegation);
  }
  await page.fill("#name", name);
  await page.click("#join-button");
  await waitHook(page, "a.page === 'game' && a.scene");
  return page;
}

/** The projector view of a session. */
export async function openProjector(browser: Browser, server: AccordServer, code: string): Promise<Page> {
  const { page } = await newPage(browser, PROJECTOR);
  await page.goto(`${server.url}/screen/${code}`);
  await waitHook(page, "a.page === 'screen' && a.view");
  return page;
}

/** Everything a page holds that a person or a script on it could read: its HTML and the view it keeps. */
export async function everythingOn(page: Page): Promise<string> {
  const html = await page.content();
  const view = await page.evaluate(() =>
    JSON.stringify((window as unknown as { __accord?: { view?: unknown } }).__accord?.view ?? null),
  );
  return `${html}\n${view}`;
}
