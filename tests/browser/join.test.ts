// The join page: light (no Phaser, no network library in its first bundle),
// refusals in plain words next to the field, and a teacher's broken scenario
// file refused with its errors listed.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { PHONE, PROJECTOR, newPage, shoot, withBrowserAndServer } from "./harness.ts";

const DIST = resolve(import.meta.dirname, "..", "..", "dist", "client");
let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

describe("the join page", () => {
  test("its first bundle is under 60 KB gzip and holds neither Phaser nor colyseus.js", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    const code = files.map((f) => readFileSync(join(DIST, f)));
    const gzipKb = code.reduce((n, c) => n + gzipSync(c).length, 0) / 1024;
    expect(gzipKb).toBeLessThan(60);
    const text = code.map((c) => c.toString("utf8")).join("\n");
    expect(text).not.toMatch(/Phaser|WebGLRenderer/);
    expect(text).not.toMatch(/reconnectionToken/);
  });

  test("an unknown code is refused in plain words next to the code field, and Phaser is never loaded", async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${server.url}/`);
    await shoot(page, "join-phone-360");
    await page.locator("#code").pressSequentially("solo12");
    // Look-alike letters are kept as typed and refused before anything is sent.
    await page.fill("#name", "Amira");
    await page.click("#join-button");
    await expect
      .poll(() => page.textContent("#code-error"))
      .toBe("A session code has 6 letters and digits — check the board.");
    await page.fill("#code", "");
    await page.locator("#code").pressSequentially("ttttt7");
    await page.click("#join-button");
    await expect
      .poll(() => page.textContent("#code-error"))
      .toBe("That code doesn't match a session — check the board.");
    expect(await page.getAttribute("#code", "aria-invalid")).toBe("true");
    expect((await fetch(`${server.url}/api/sessions/TTTTT7`)).status).toBe(404);
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(loaded.some((url) => /\/assets\/boot-/.test(url))).toBe(false);
    await context.close();
  });

  test("a link shows the session's title and delegations to choose from", async () => {
    const { code } = await server.createSession();
    const { context, page } = await newPage(browser, PROJECTOR);
    await page.goto(`${server.url}/j/${code}`);
    await page.locator("#session-title").waitFor({ state: "visible" });
    expect(await page.textContent("#session-title")).toBe("A Code of Conduct for Cyberspace");
    const options = await page.locator("#delegation option").allTextContents();
    expect(options[0]).toMatch(/^Any delegation/);
    expect(options.slice(1).join("|")).toMatch(/China \(0\).*Japan \(0\)/);
    await shoot(page, "join-projector-1920");
    await context.close();
  });

  test("on a 320 px phone every delegation choice fits its dropdown, and what 'any' means is said beside it", async () => {
    const { code } = await server.createSession();
    const { context, page } = await newPage(browser, { width: 320, height: 640 });
    await page.goto(`${server.url}/j/${code}`);
    await page.locator("#delegation-field").waitFor({ state: "visible" });
    // Each option's text, in the select's own font, against the room the closed select gives it (less its arrow).
    const tooWide = await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>("#delegation")!;
      const style = getComputedStyle(select);
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...select.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => o.text);
    });
    expect(tooWide).toEqual([]);
    expect(await page.locator("#delegation option").first().textContent()).toBe("Any delegation");
    expect(await page.textContent("#delegation-hint")).toContain("the teacher or the game places you");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shoot(page, "join-phone-320");
    await context.close();
  });

  test("a teacher's broken scenario file is refused with every error listed, and no console opens", async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${server.url}/`);
    await page.click("#host-new summary");
    const broken = { schemaVersion: 1, id: "Broken Id", title: "" };
    await page.setInputFiles("#scenario-file", {
      name: "my-lesson.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.click("#host-button");
    await expect.poll(async () => (await page.locator("#host-errors li").count()) > 1).toBe(true);
    const errors = await page.locator("#host-errors li").allTextContents();
    expect(errors.every((e) => e.startsWith("my-lesson.json: "))).toBe(true);
    expect(errors.join("\n")).toMatch(/\bid\b/);
    expect(new URL(page.url()).pathname).toBe("/");
    await context.close();
  });
});
