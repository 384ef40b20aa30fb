// The phase timer on a device whose clock is wrong: the client keeps the
// offset to the server's clock (from the welcome's serverTime, floored by each
// view's `now`) and draws the time left against it.
import { afterAll, describe, expect, test } from "vitest";
import { ServerClock } from "../../client/net/server-clock.ts";
import { remainingMs, timerText } from "../../client/ui/timer.ts";
import { SessionLink } from "../../client/net/connection.ts";
import { createAccordServer, type AccordServer } from "../../server/app.ts";
import { quietLog } from "../../server/log.ts";

const MINUTE = 60_000;

describe("ServerClock", () => {
  test("the welcome's serverTime sets the offset: a device 20 minutes fast reads the server's time", () => {
    let device = 1_000_000 + 20 * MINUTE;
    const clock = new ServerClock(() => device);
    expect(clock.now()).toBe(device);
    clock.sync(1_000_000);
    expect(clock.offsetMs).toBe(-20 * MINUTE);
    expect(clock.now()).toBe(1_000_000);
    device += 5_000;
    expect(clock.now()).toBe(1_005_000);
  });

  test("a missing or broken serverTime changes nothing", () => {
    const clock = new ServerClock(() => 500);
    clock.sync(undefined);
    clock.sync(Number.NaN);
    expect(clock.offsetMs).toBe(0);
    expect(clock.now()).toBe(500);
  });

  test("a view's `now` later than the estimate moves it forward; an earlier one never moves it back", () => {
    const device = 10_000;
    const clock = new ServerClock(() => device);
    // No welcome time (an older server): any later server time is taken as a floor.
    clock.atLeast(40_000);
    expect(clock.now()).toBe(40_000);
    clock.atLeast(20_000);
    expect(clock.now()).toBe(40_000);
    // With a welcome time too: the welcome lags by its trip, and a view's `now` is a time the
    // server had certainly reached, so even a small lag is made up (a timer never shows 10:01 of 10:00).
    clock.sync(10_000);
    clock.atLeast(10_600);
    expect(clock.now()).toBe(10_600);
    clock.atLeast(10_500);
    expect(clock.now()).toBe(10_600);
  });

  test("the timer text counts down on the server's clock", () => {
    const timer = { state: "running" as const, endsAt: 1_000_000 + 10 * MINUTE, durationMs: 10 * MINUTE };
    const fast = new ServerClock(() => 1_000_000 + 20 * MINUTE);
    // Uncorrected, the fast device thinks the time is up.
    expect(timerText(timer, 1_000_000 + 20 * MINUTE)).toBe("Time is up");
    fast.sync(1_000_000);
    expect(timerText(timer, fast.now())).toBe("10:00");
    expect(remainingMs(timer, fast.now())).toBe(10 * MINUTE);
  });
});

describe("a real link to a server whose clock differs from the device's", () => {
  let server: AccordServer | undefined;
  const links: SessionLink[] = [];
  afterAll(async () => {
    for (const l of links) await l.leave();
    await server?.close();
  });

  test("the delegate's timer shows the minutes the host started, not the device's idea of them", async () => {
    // The server runs 45 minutes ahead of this machine: the same as a device 45 minutes slow.
    server = await createAccordServer({
      port: 0,
      host: "127.0.0.1",
      log: quietLog(),
      restore: false,
      now: () => Date.now() + 45 * MINUTE,
    });
    const { code, hostKey } = await server.createSession();
    const ws = server.url.replace(/^http/, "ws");
    const host = await SessionLink.open(code, { hostKey }, ws);
    links.push(host);
    const wei = await SessionLink.open(code, { name: "Wei", delegation: "china" }, ws);
    links.push(wei);
    expect(wei.clock.offsetMs).toBeGreaterThan(45 * MINUTE - 5_000);
    expect(wei.clock.offsetMs).toBeLessThan(45 * MINUTE + 5_000);

    host.act({ type: "timer.start", minutes: 10 });
    const end = Date.now() + 5_000;
    while (wei.view?.timer.state !== "running" && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    const timer = wei.view!.timer;
    expect(timer.state).toBe("running");
    expect(timerText(timer, wei.clock.now())).toMatch(/^(10:00|9:5\d)$/);
    // Without the correction the device would show 55 minutes left.
    expect(timerText(timer, Date.now())).toMatch(/^5[45]:/);
  });
});
