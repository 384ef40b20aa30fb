// Browser test harness: builds the client when it is stale, starts the real
// server in-process on 127.0.0.1, and launches Debian's chromium (never a
// browser download) with the flags that work headless as root.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { createAccordServer, type AccordServer } from "../../server/app.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
export const SHOTS = join(ROOT, "test-artifacts", "screens");

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/client once if any client or shared source is newer than the build. */
export function ensureClientBuilt(): void {
  const built = join(ROOT, "dist", "client", "index.html");
  const stale = !existsSync(built) || Math.max(newest(join(ROOT, "client")), newest(join(ROOT, "shared"))) > statSync(built).mtimeMs;
  if (!stale) return;
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--config", "client/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT, encoding: "utf8", timeout: 180_000 });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
}

export async function startServer(): Promise<AccordServer> {
  // A short hold keeps closing quick; reloads in the tests come back well within it.
  return createAccordServer({ port: 0, host: "127.0.0.1", log: () => undefined, restore: false, holdMs: 20_000 });
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    timeout: 30_000,
    // playwright-core gives each launch a fresh user-data-dir and adds --headless itself.
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export const PHONE = { width: 360, height: 740 };
export const PROJECTOR = { width: 1920, height: 1080 };

export async function newPage(browser: Browser, size = PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("dialog", (d) => void d.accept());
  return { context, page };
}

/** A screenshot from the top of the page, without the passing toasts (they would hide what is under them). */
export async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  const style = await page.addStyleTag({ content: ".toasts { visibility: hidden !important; }" });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
  await style.evaluate((el) => (el as Element).remove());
}

/** Reads the test hook the page exposes with ?test=1. */
export function hook<T>(page: Page, field: string): Promise<T> {
  return page.evaluate((f) => (window as unknown as { __accord?: Record<string, unknown> }).__accord?.[f], field) as Promise<T>;
}
