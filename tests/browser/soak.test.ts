// A shorter soak than the bench's (bench/client/soak.ts, 10 minutes): one
// phone page through two busy minutes (a floor line or a stance change twice
// a second, chat growing), with the projector and the host console watching
// the same lesson. What a leak would show: a page's memory climbing steadily
// after it settled (a slope over the samples, never an absolute time), or its
// DOM growing with the chat.
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { withBrowserAndServer } from "./harness.ts";
import { runSoak } from "../../bench/client/soak.ts";
import { perMinute } from "../../bench/client/soak-measure.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => {
  server = s;
  browser = b;
});

describe("a student's page through a busy lesson", () => {
  test("memory does not climb and the DOM stays bounded while the chat grows", { timeout: 300_000 }, async () => {
    const result = await runSoak({
      url: server.url,
      session: await server.createSession(),
      browser,
      minutes: 2,
      sampleS: 10,
      idleS: 5,
      throttledS: 5,
      throttledWindows: 1,
      watch: true,
    });
    // Chat really grew past what the page shows, and nothing was refused.
    expect(result.changes_sent).toBeGreaterThan(200);
    expect(result.changes_refused).toBe(0);
    const settled = result.samples.filter((s) => s.t_s >= 30);
    expect(settled.length).toBeGreaterThanOrEqual(8);
    // The old page grew by about 250 MB a minute here; live JS heap by about 6 MB a minute.
    expect(perMinute(result.samples, (s) => s.rss_mb, 30)).toBeLessThan(15);
    expect(perMinute(result.samples, (s) => s.heap_mb, 30)).toBeLessThan(1);
    // DOM nodes: bounded, and not growing with the chat (the page shows a window of lines).
    for (const s of result.samples) expect(s.nodes).toBeLessThan(3000 + s.chat_lines);
    expect(Math.max(...result.samples.map((s) => s.chat_lines))).toBeLessThanOrEqual(50);
    expect(perMinute(result.samples, (s) => s.nodes, 30)).toBeLessThan(50);
    // The projector and the console get the same treatment: flat memory once the talk holds its 50 lines, and a
    // bounded DOM. (Their DOM's slope over two loaded minutes measured the console's talk still filling, not a
    // leak; the bench's 10 minutes show it flat.) Both are sampled right after the phone, so the phone's count of
    // lines says when the talk is full.
    const full = result.samples.find((s) => s.chat_lines >= 50)?.t_s ?? 30;
    for (const watched of [result.screen!, result.console!]) {
      expect(watched.samples.filter((s) => s.t_s >= full).length).toBeGreaterThanOrEqual(4);
      expect(perMinute(watched.samples, (s) => s.rss_mb, full)).toBeLessThan(15);
      expect(perMinute(watched.samples, (s) => s.heap_mb, full)).toBeLessThan(1);
      expect(watched.dom_nodes_max).toBeLessThan(3000);
    }
  });
});
