// A student whose phone is away longer than the seat is held (the screen
// locked through a whole phase): the page says in plain words what happened
// and offers the way back in; joining again puts them back at the table.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { createAccordServer, type AccordServer } from "../../server/app.ts";
import { ensureClientBuilt, hook, joinByLink, launchChromium, shoot } from "./harness.ts";
import { quietLog } from "../../server/log.ts";

const HOLD_MS = 1_500;
let server: AccordServer;
let browser: Browser;

beforeAll(async () => {
  ensureClientBuilt();
  server = await createAccordServer({
    port: 0,
    host: "127.0.0.1",
    log: quietLog(),
    restore: false,
    holdMs: HOLD_MS,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a seat given up after the hold", () => {
  test("the student is told why and joins again from the link on the page", async () => {
    const { code } = await server.createSession();
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const first = (await hook<{ seat: string }>(wei, "welcome")).seat;

    // The connection drops and the device stays offline past the hold time.
    await wei.context().setOffline(true);
    await wei.evaluate(() => (window as unknown as { __accord: { dropConnection(): void } }).__accord.dropConnection());
    await expect
      .poll(async () => (await server.sessions.state(code))!.seats.some((s) => s.id === first), { timeout: 10_000 })
      .toBe(false);
    await wei.context().setOffline(false);

    await expect.poll(() => wei.textContent(".notice-area"), { timeout: 20_000 }).toContain("your seat was given up");
    expect(await wei.getAttribute(".conn", "data-state")).toBe("offline");
    await shoot(wei, "seat-given-up-phone-360");

    await wei.click(".notice-area a.join-again");
    await wei.locator("#name").waitFor({ state: "visible" });
    // The page remembers the student's name; they only press Join.
    await expect.poll(() => wei.inputValue("#name")).toBe("Wei");
    await wei.click("#join-button");
    // Back at the table (the link has no test hook: what the page shows is what counts).
    await expect.poll(() => wei.getAttribute(".conn", "data-state"), { timeout: 15_000 }).toBe("connected");
    expect(await wei.textContent(".notice-area")).toBe("");
    const seats = (await server.sessions.state(code))!.seats.filter((s) => s.name === "Wei");
    expect(seats).toHaveLength(1);
    expect(seats[0]!.id).not.toBe(first);
    expect(seats[0]!.connected).toBe(true);
  });
});
