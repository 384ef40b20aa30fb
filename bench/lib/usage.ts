// CPU and memory of this process over a measurement window: process.cpuUsage
// between two marks (user + system, as a share of one core) and the RSS,
// sampled every 250 ms for its peak.
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay, performance, type IntervalHistogram } from "node:perf_hooks";

/** Linux pressure stall totals (µs some task waited for the CPU or for I/O), machine-wide; null elsewhere. */
function pressure(): { cpu: number; io: number } | null {
  try {
    const total = (kind: string) =>
      Number(/some .*total=(\d+)/.exec(readFileSync(`/proc/pressure/${kind}`, "utf8"))?.[1] ?? NaN);
    return { cpu: total("cpu"), io: total("io") };
  } catch {
    return null;
  }
}

export interface Usage {
  cpu_pct: number;
  rss_mb: number;
  rss_peak_mb: number;
  heap_mb: number;
  seconds: number;
  /** How late the event loop ran timers (ms): a blocked loop delays every client of the process. */
  loop_delay_p99_ms: number;
  loop_delay_max_ms: number;
  /**
   * Share of the window in which some task on the machine waited for a CPU or
   * for I/O (Linux PSI): how busy the shared machine was, whoever made it so.
   */
  machine_cpu_pressure_pct: number | null;
  machine_io_pressure_pct: number | null;
}

export class UsageWindow {
  private cpu = process.cpuUsage();
  private t0 = performance.now();
  private peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;
  private psi = pressure();
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }, 250);
    this.timer.unref();
    this.loop.enable();
  }

  mark(): void {
    this.cpu = process.cpuUsage();
    this.t0 = performance.now();
    this.peak = process.memoryUsage.rss();
    this.loop.reset();
    this.psi = pressure();
  }

  read(): Usage {
    const used = process.cpuUsage(this.cpu);
    const seconds = (performance.now() - this.t0) / 1000;
    const mem = process.memoryUsage();
    const psi = pressure();
    const share = (a: number | undefined, b: number | undefined) =>
      a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b)
        ? Math.round(((b - a) / 1e6 / seconds) * 1000) / 10
        : null;
    const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
    this.peak = Math.max(this.peak, mem.rss);
    return {
      cpu_pct: Math.round(((used.user + used.system) / 1e6 / seconds) * 1000) / 10,
      rss_mb: mb(mem.rss),
      rss_peak_mb: mb(this.peak),
      heap_mb: mb(mem.heapUsed),
      seconds: Math.round(seconds * 10) / 10,
      loop_delay_p99_ms: Math.round(this.loop.percentile(99) / 1e5) / 10,
      loop_delay_max_ms: Math.round(this.loop.max / 1e5) / 10,
      machine_cpu_pressure_pct: share(this.psi?.cpu, psi?.cpu),
      machine_io_pressure_pct: share(this.psi?.io, psi?.io),
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.loop.disable();
  }
}
