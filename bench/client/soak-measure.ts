// What the soaks read from outside a page: the resident memory of its
// browser's renderer and GPU processes, and a least-squares slope over samples.
import { readFileSync } from "node:fs";
import type { CDPSession } from "playwright-core";

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
