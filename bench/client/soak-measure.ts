// What the soaks read from outside a page: the resident memory of its
// browser's renderer and GPU processes, and a least-squares slope over samples.
import { readFileSync } from "node:fs";
import type { CDPSession } from "playwright-core";
import { round } from "../lib/stats.ts";

export interface Proc {
  id: number;
  type: string;
  cpuTime: number;
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The renderer and GPU processes of the browser behind `browserCdp`. */
export async function pageProcesses(browserCdp: CDPSession): Promise<Proc[]> {
  const info = (await browserCdp.send("SystemInfo.getProcessInfo")) as { processInfo: Proc[] };
  return info.processInfo.filter((p) => p.type === "renderer" || p.type === "GPU");
}

/** Least-squares slope of y over x. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** How fast one figure climbs, per minute, over the samples from `fromS` seconds on (once the page has settled). */
export function perMinute<S extends { t_s: number }>(samples: S[], figure: (s: S) => number, fromS = 60): number {
  const settled = samples.filter((s) => s.t_s >= fromS);
  return slope(
    settled.map((s) => s.t_s / 60),
    settled.map(figure),
  );
}

export interface PageSample {
  t_s: number;
  rss_mb: number;
  nodes: number;
  heap_mb: number;
}

/** One sample of a page, after a garbage collection: live memory, not garbage waiting for its turn (a leak survives one). */
export async function samplePage(cdp: CDPSession, browserCdp: CDPSession, t0: number): Promise<PageSample> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
  const procs = await pageProcesses(browserCdp);
  return {
    t_s: Math.round((Date.now() - t0) / 1000),
    rss_mb: round(procs.reduce((n, p) => n + rssMb(p.id), 0)),
    nodes: metric("Nodes"),
    heap_mb: round(metric("JSHeapUsedSize") / 2 ** 20),
  };
}
