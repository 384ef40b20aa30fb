// A student's page through a busy lesson, measured from Chromium itself.
// One phone-sized page (390 px) of the production build joins a real session
// on 127.0.0.1 as a person would (name, Join), while scripted seats change
// something `perSecond` times a second. Every `sampleS` seconds, after a
// garbage collection: the resident memory of the renderer and GPU processes
// (/proc/PID/status), the page's DOM nodes and JS heap (Performance.getMetrics)
// and the chat lines on screen. Then the class goes quiet and the CPU time the
// renderer and GPU spend on an idle page is read over `idleS` seconds
// (SystemInfo.getProcessInfo). Last, with the CPU throttled 4x (a low-end
// Chromebook), the time from each server message arriving at the page to the
// end of the next frame drawn after it, in several windows of busy class: one
// window's p95 moves by a millisecond or two on this shared machine by itself,
// so the figure reported is the median of the windows' (BENCHMARKS.md).
import type { Browser, Page } from "playwright-core";
import { soakSeats } from "./soak-seats.ts";
import { median, percentile, round } from "../lib/stats.ts";
import { pageProcesses, perMinute, samplePage, type PageSample, type Proc } from "./soak-measure.ts";
import { openWatcher, watchResult, type WatchResult, type Watcher, type WatchSample } from "./watch.ts";

export interface SoakOptions {
  url: string;
  session: { code: string; hostKey: string };
  browser: Browser;
  minutes: number;
  perSecond?: number;
  sampleS?: number;
  idleS?: number;
  throttledS?: number;
  /** Throttled windows of `throttledS` each; the p50 and p95 reported are the medians of theirs. */
  throttledWindows?: number;
  /** One more throttled window with the talk scrolled into view (its lines drawn), reported apart. */
  talkInView?: boolean;
  /** Also soak the projector and the host console, each in a browser of its own (watch.ts). */
  watch?: boolean;
  log?: (line: string) => void;
}

/** One throttled window: its messages timed from arrival to the end of the next frame. */
export interface PaintWindow {
  p50_ms: number;
  p95_ms: number;
  count: number;
}

export interface SoakSample extends PageSample {
  chat_lines: number;
}

export interface SoakResult {
  minutes: number;
  idle_cpu_pct: number;
  rss_growth_mb: number;
  rss_start_mb: number;
  rss_end_mb: number;
  /** Least-squares slope of the renderer+GPU memory after the first minute, MB per minute. */
  rss_slope_mb_per_min: number;
  heap_slope_mb_per_min: number;
  dom_nodes_max: number;
  visible_chat_lines_max: number;
  /** The median of the throttled windows' p50s. */
  patch_to_paint_p50_ms: number;
  /** The median of the throttled windows' p95s. */
  patch_to_paint_p95_ms: number;
  patch_to_paint_count: number;
  patch_to_paint_windows: PaintWindow[];
  /** The same, with the page scrolled to the talk: every chat line is drawn (not in the budget's figure). */
  patch_to_paint_talk_in_view?: PaintWindow;
  changes_sent: number;
  changes_refused: number;
  samples: SoakSample[];
  /** The projector and the host console through the same busy minutes, when watched. */
  screen?: WatchResult;
  console?: WatchResult;
}

/** When the projector and the console are up: what a person would see first on each (no test hook in production). */
const WATCH_READY = {
  screen: `!!document.querySelector("#stage canvas") && !!document.getElementById("table-words")`,
  console: `!!document.getElementById("phase-controls")`,
};

/** Runs in the page before its own scripts: notes when each socket message arrives and when the next frame after it is done. */
export const LATENCY_PROBE = `(() => {
  const marks = (window.__soakLatencies = []);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => {
        const t0 = performance.now();
        // This listener runs before the page's own handler for the same message (same task). The
        // frame asked for here is the first one after that task, the one that shows the page's
        // changes; a task posted from its callback runs once that frame is laid out and painted.
        // That task is posted at user-blocking priority: at normal priority (a MessageChannel, as
        // before) it waited behind tasks queued while the frame was drawn, and counted them. Every
        // stance and chat line is a patch then an event, and in the soak the event's handler ran
        // between the patch's frame and the patch's mark every time (179 of 179 in a 90 s throttled
        // run); see BENCHMARKS.md. (No setTimeout hop first: it would wait behind queued tasks too.)
        requestAnimationFrame(() =>
          scheduler.postTask(() => marks.push(performance.now() - t0), { priority: "user-blocking" }),
        );
      });
    }
  };
})();`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A student joins by the session's link as a person would and waits for the table to be drawn. */
async function joinAsStudent(page: Page, url: string, code: string, delegation: string | undefined): Promise<void> {
  await page.goto(`${url}/j/${code}`);
  if (delegation) {
    await page.locator("#delegation-field").waitFor({ state: "visible" });
    await page.selectOption("#delegation", delegation);
  }
  await page.fill("#name", "Measured student");
  await page.click("#join-button");
  await page.locator("#stage canvas").waitFor();
  await page.locator("#provision-list").waitFor();
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? (() => undefined);
  const perSecond = o.perSecond ?? 2;
  const sampleS = o.sampleS ?? 15;
  const idleS = o.idleS ?? 30;
  // Two minutes: at two changes a second, the p95 is then the 24th slowest of about 480 messages, not the 12th of 240.
  const throttledS = o.throttledS ?? 120;
  const throttledWindows = o.throttledWindows ?? 3;
  const endpoint = o.url.replace(/^http/, "ws");
  const seats = await soakSeats(endpoint, o.session);
  const context = await o.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const watchers: Watcher[] = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.addInitScript(LATENCY_PROBE);
    await joinAsStudent(page, o.url, o.session.code, seats.freeDelegations[0]);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.enable");
    const browserCdp = await o.browser.newBrowserCDPSession();

    const sample = async (t0: number): Promise<SoakSample> => ({
      ...(await samplePage(cdp, browserCdp, t0)),
      chat_lines: (await page.evaluate(`document.querySelectorAll("#talk .messages li.message").length`)) as number,
    });

    if (o.watch) {
      const { code, hostKey } = o.session;
      watchers.push(
        await openWatcher("screen", o.url, `/screen/${code}`, { width: 1920, height: 1080 }, WATCH_READY.screen),
        await openWatcher(
          "console",
          o.url,
          `/host/${code}#key=${encodeURIComponent(hostKey)}`,
          { width: 1280, height: 800 },
          WATCH_READY.console,
        ),
      );
    }
    const watched = new Map<string, WatchSample[]>(watchers.map((w) => [w.name, []]));

    // The busy lesson.
    seats.start(perSecond);
    const t0 = Date.now();
    const samples: SoakSample[] = [];
    const end = t0 + o.minutes * 60_000;
    while (Date.now() < end) {
      samples.push(await sample(t0));
      for (const w of watchers) watched.get(w.name)!.push(await w.sample(t0));
      const last = samples[samples.length - 1]!;
      log(
        `  soak ${last.t_s} s: renderer+GPU ${last.rss_mb} MB, ${last.nodes} nodes, heap ${last.heap_mb} MB, ${last.chat_lines} chat lines shown`,
      );
      await sleep(Math.min(sampleS * 1000, Math.max(0, end - Date.now())));
    }
    samples.push(await sample(t0));
    for (const w of watchers) watched.get(w.name)!.push(await w.sample(t0));

    // The class goes quiet: what does an idle page cost?
    seats.stop();
    await sleep(5000);
    const cpu = (ps: Proc[]) => ps.reduce((n, p) => n + p.cpuTime, 0);
    const before = await pageProcesses(browserCdp);
    const watchersBefore = await Promise.all(watchers.map(async (w) => cpu(await w.processes())));
    const idleT0 = Date.now();
    await sleep(idleS * 1000);
    const after = await pageProcesses(browserCdp);
    const watchersAfter = await Promise.all(watchers.map(async (w) => cpu(await w.processes())));
    const idleWall = (Date.now() - idleT0) / 1000;
    const idleCpuPct = ((cpu(after) - cpu(before)) / idleWall) * 100;
    log(`  idle page: renderer+GPU ${round(idleCpuPct)} % of a core over ${round(idleWall)} s`);
    const watchedResults: Record<string, WatchResult> = {};
    for (const [i, w] of watchers.entries()) {
      const r = watchResult(watched.get(w.name)!, ((watchersAfter[i]! - watchersBefore[i]!) / idleWall) * 100);
      watchedResults[w.name] = r;
      log(
        `  ${w.name}: memory ${r.rss_growth_mb >= 0 ? "+" : ""}${r.rss_growth_mb} MB from minute 1 (${r.rss_slope_mb_per_min} MB/min), most DOM nodes ${r.dom_nodes_max}, idle ${r.idle_cpu_pct} % of a core`,
      );
    }
    // The phone is measured alone under throttling.
    if (watchers.length) {
      await Promise.all(watchers.splice(0).map((w) => w.close()));
      // Their processes' last work (exit, freeing memory) is done before the phone is timed.
      await sleep(5000);
    }

    // A low-end Chromebook: patch to paint with the CPU throttled 4x, window after window.
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const paintWindow = async (name: string): Promise<PaintWindow> => {
      await page.evaluate(`window.__soakLatencies.length = 0`);
      seats.start(perSecond);
      await sleep(throttledS * 1000);
      seats.stop();
      await sleep(1000);
      const latencies = (await page.evaluate(`[...window.__soakLatencies]`)) as number[];
      const w = {
        p50_ms: round(percentile(latencies, 50)),
        p95_ms: round(percentile(latencies, 95)),
        count: latencies.length,
      };
      log(
        `  patch to paint (CPU 4x slower), ${name}: p95 ${w.p95_ms} ms, p50 ${w.p50_ms} ms over ${latencies.length} messages`,
      );
      return w;
    };
    // As the student left it after joining: the top of the page, the talk two screens below.
    const windows: PaintWindow[] = [];
    for (let w = 0; w < throttledWindows; w++)
      windows.push(await paintWindow(`window ${w + 1} of ${throttledWindows}`));
    // Reading the talk instead: its lines are drawn with each chat line (client/ui/far-off.ts).
    let talkInView: PaintWindow | undefined;
    if (o.talkInView) {
      await page.locator("#talk .messages").scrollIntoViewIfNeeded();
      await sleep(1000);
      talkInView = await paintWindow("the talk in view");
    }
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

    // Growth from the end of minute 1 (the page has loaded and settled) to the end.
    const from = samples.find((s) => s.t_s >= 60) ?? samples[0]!;
    const to = samples[samples.length - 1]!;
    const counts = seats.counts();
    return {
      minutes: round((to.t_s - 0) / 60),
      idle_cpu_pct: round(idleCpuPct),
      rss_growth_mb: round(to.rss_mb - from.rss_mb),
      rss_start_mb: from.rss_mb,
      rss_end_mb: to.rss_mb,
      rss_slope_mb_per_min: round(perMinute(samples, (s) => s.rss_mb)),
      heap_slope_mb_per_min: round(perMinute(samples, (s) => s.heap_mb)),
      dom_nodes_max: Math.max(...samples.map((s) => s.nodes)),
      visible_chat_lines_max: Math.max(...samples.map((s) => s.chat_lines)),
      patch_to_paint_p50_ms: round(median(windows.map((w) => w.p50_ms))),
      patch_to_paint_p95_ms: round(median(windows.map((w) => w.p95_ms))),
      patch_to_paint_count: windows.reduce((n, w) => n + w.count, 0),
      patch_to_paint_windows: windows,
      ...(talkInView ? { patch_to_paint_talk_in_view: talkInView } : {}),
      changes_sent: counts.sent,
      changes_refused: counts.refused,
      samples,
      ...watchedResults,
    };
  } finally {
    await Promise.all(watchers.map((w) => w.close()));
    await context.close();
    await seats.leave();
  }
}
