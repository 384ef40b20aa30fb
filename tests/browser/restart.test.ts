// A server restart in the middle of a lesson, as the class would live it: the
// teacher's console and a student's phone are told the server is restarting,
// show that they are reconnecting, and come back by themselves to the same
// seats, with what was said before still there; the student can go on at once.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { createAccordServer, type AccordServer } from "../../server/app.ts";
import { openMemoryStore } from "../../server/store/memory.ts";
import type { SessionStore } from "../../server/store/types.ts";
import { ensureClientBuilt, hook, joinByLink, launchChromium, openHostConsole, waitHook } from "./harness.ts";
import { quietLog } from "../../server/log.ts";

let store: SessionStore;
let first: AccordServer | undefined;
let second: AccordServer | undefined;
let browser: Browser;

const start = (port: number) => createAccordServer({ port, host: "127.0.0.1", store, log: quietLog(), holdMs: 20_000 });

beforeAll(async () => {
  ensureClientBuilt();
  // The same store across both servers stands for the SQLite file that outlives the process.
  store = openMemoryStore();
  first = await start(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await first?.close().catch(() => undefined);
  await second?.close();
  store.close();
});

describe("a server restart mid-lesson", () => {
  test("the console and the students reconnect by themselves and keep their seats", async () => {
    const { page: host, code } = await openHostConsole(browser, first!);
    const wei = await joinByLink(browser, first!, code, "Wei", "china");
    const seat = (await hook<{ seat: string }>(wei, "welcome")).seat;
    await host.getByRole("button", { name: "▶ Start the briefing" }).click();
    await host.getByRole("button", { name: "Next phase ▶" }).click();
    await waitHook(wei, "a.scene === 'opening'");
    await wei.fill("#say-text", "China opens with a word on hospitals.");
    await wei.click("#talk .say button");
    await expect.poll(() => host.textContent("body")).toContain("China opens with a word on hospitals.");

    const port = first!.port;
    void first!.notifyRestarting(); // not awaited: the server closes while the goodbye is still on its way, as on a real restart
    await first!.close();
    first = undefined;
    // Both pages notice: nobody is left looking at a frozen screen that says "Connected".
    await expect.poll(() => wei.getAttribute(".conn", "data-state")).not.toBe("connected");
    await expect.poll(() => host.getAttribute(".conn", "data-state")).not.toBe("connected");
    await expect.poll(() => wei.textContent(".notice-area")).toContain("restarting");

    second = await start(port);
    await expect.poll(() => wei.getAttribute(".conn", "data-state"), { timeout: 20_000 }).toBe("connected");
    await expect.poll(() => host.getAttribute(".conn", "data-state"), { timeout: 20_000 }).toBe("connected");
    expect((await hook<{ seat: string }>(wei, "welcome")).seat).toBe(seat);
    expect(await hook<string>(wei, "scene")).toBe("opening");
    expect(await wei.textContent("#talk .messages")).toContain("China opens with a word on hospitals.");
    expect(await wei.textContent(".notice-area")).toBe("");

    // Straight back to work: the next line reaches the teacher, said once.
    await wei.fill("#say-text", "And a second one after the restart.");
    await wei.click("#talk .say button");
    await expect.poll(() => host.textContent("body")).toContain("And a second one after the restart.");
    const floor = (await second.sessions.state(code))!.channels.find((c) => c.id === "floor")!;
    expect(floor.messages.map((m) => m.text)).toEqual([
      "China opens with a word on hospitals.",
      "And a second one after the restart.",
    ]);
    expect((await second.sessions.state(code))!.seats.filter((s) => s.role === "delegate").map((s) => s.name)).toEqual([
      "Wei",
    ]);
  });
});
