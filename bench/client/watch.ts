// The projector and the host console through the same busy lesson as the
// student's page (soak.ts). A projector runs for the whole lesson on the
// school's PC, the console on the teacher's laptop: each is opened in a
// browser of its own, so the renderer and GPU processes read are its own, and
// sampled as the student's page is (after a garbage collection: resident
// memory, DOM nodes, live JS heap), then its CPU is read while the class is
// quiet. Closed before the throttled part, which measures the phone alone.
import type { Browser, CDPSession, Page } from "playwright-core";
import { launchChromium } from "../../tools/chromium.ts";
import { round } from "../lib/stats.ts";
import { pageProcesses, perMinute, samplePage, type PageSample, type Proc } from "./soak-measure.ts";

export type WatchSample = PageSample;

export interface WatchResult {
  rss_growth_mb: number;
  rss_slope_mb_per_min: number;
  heap_slope_mb_per_min: number;
  dom_nodes_max: number;
  dom_nodes_slope_per_min: number;
  idle_cpu_pct: number;
  samples: WatchSample[];
}

export interface Watcher {
  readonly name: string;
  sample(t0: number): Promise<WatchSample>;
  processes(): Promise<Proc[]>;
  close(): Promise<void>;
}

/** Opens `path` of the server in a browser of its own at `viewport`, and waits until `ready` holds in the page. */
export async function openWatcher(
  name: string,
  url: string,
  path: string,
  viewport: { width: number; height: number },
  ready: string,
): Promise<Watcher> {
  const browser: Browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}${path}`);
    await page.waitForFunction(ready);
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.enable");
    const browserCdp = await browser.newBrowserCDPSession();
    return {
      name,
      sample: (t0) => samplePage(cdp, browserCdp, t0),
      processes: () => pageProcesses(browserCdp),
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Growth and slopes from the end of minute 1 (the page has loaded and settled), as for the student's page. */
export function watchResult(samples: WatchSample[], idleCpuPct: number): WatchResult {
  const from = samples.find((s) => s.t_s >= 60) ?? samples[0]!;
  const to = samples[samples.length - 1]!;
  return {
    rss_growth_mb: round(to.rss_mb - from.rss_mb),
    rss_slope_mb_per_min: round(perMinute(samples, (s) => s.rss_mb)),
    heap_slope_mb_per_min: round(perMinute(samples, (s) => s.heap_mb)),
    dom_nodes_max: Math.max(...samples.map((s) => s.nodes)),
    dom_nodes_slope_per_min: round(perMinute(samples, (s) => s.nodes)),
    idle_cpu_pct: round(idleCpuPct),
    samples,
  };
}
