// Sections "server", "baseline" and "join_storm": each run starts a fresh
// server process and a separate load-generator process (both on this
// machine), joins the clients, then measures over a window at classroom pace.
import { spawnChild, type Child } from "../lib/child.ts";
import { round } from "../lib/stats.ts";
import type { Usage } from "../lib/usage.ts";

const here = (f: string) => new URL(f, import.meta.url);

export interface RoomsResult {
  rooms: number;
  clients: number;
  seconds: number;
  sent: number;
  measured: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  failed_actions: number;
  failures: Record<string, number>;
  actions_per_s: number;
  cpu_pct: number;
  rss_mb: number;
  loadgen_cpu_pct: number;
  /** Event-loop delay of each process over the window: shows which side stalled. */
  server_loop_delay_p99_ms: number;
  server_loop_delay_max_ms: number;
  loadgen_loop_delay_max_ms: number;
  /** Machine-wide pressure over the window (Linux PSI): other work on the shared cores shows here. */
  machine_cpu_pressure_pct: number | null;
  machine_io_pressure_pct: number | null;
  join: { seconds: number; join_p50_ms: number; join_p95_ms: number; failures?: Record<string, number> };
  kinds?: Record<string, { count: number; p50_ms: number; p99_ms: number }>;
}

interface RunOptions {
  rooms: number;
  delegates: number;
  seconds: number;
  seed: number;
  /** Node flags for the server process, e.g. ["--cpu-prof", "--cpu-prof-dir=bench/results/profiles"]. */
  serverFlags?: string[];
  log?: (line: string) => void;
}

async function withChildren<T>(
  serverFile: string,
  options: RunOptions,
  body: (server: Child, load: Child, url: string) => Promise<T>,
): Promise<T> {
  const server = await spawnChild(here(serverFile), { nodeFlags: options.serverFlags ?? [] });
  let load: Child | null = null;
  try {
    // BENCH_LOAD_FLAGS="--trace-gc" (or --cpu-prof ...): node flags for the load generator, for profiling it.
    load = await spawnChild(here("./load.ts"), {
      nodeFlags: process.env.BENCH_LOAD_FLAGS?.split(" ").filter(Boolean) ?? [],
      verbose: Boolean(process.env.BENCH_LOAD_VERBOSE),
    });
    const { url } = await server.request<{ url: string }>("info");
    return await body(server, load, url);
  } finally {
    await load?.stop().catch(() => undefined);
    await server.stop(20_000).catch(() => undefined);
  }
}

type RunReport = Omit<
  RoomsResult,
  | "rooms"
  | "clients"
  | "seconds"
  | "actions_per_s"
  | "cpu_pct"
  | "rss_mb"
  | "loadgen_cpu_pct"
  | "server_loop_delay_p99_ms"
  | "server_loop_delay_max_ms"
  | "loadgen_loop_delay_max_ms"
  | "machine_cpu_pressure_pct"
  | "machine_io_pressure_pct"
  | "join"
> & { elapsed: number };

function shape(
  options: RunOptions,
  join: RoomsResult["join"] & { clients: number },
  run: RunReport,
  serverUsage: Usage,
  loadUsage: Usage,
): RoomsResult {
  return {
    rooms: options.rooms,
    clients: join.clients,
    seconds: options.seconds,
    sent: run.sent,
    measured: run.measured,
    p50_ms: round(run.p50_ms),
    p95_ms: round(run.p95_ms),
    p99_ms: round(run.p99_ms),
    max_ms: round(run.max_ms),
    failed_actions: run.failed_actions,
    failures: run.failures,
    actions_per_s: round(run.sent / run.elapsed),
    cpu_pct: serverUsage.cpu_pct,
    rss_mb: serverUsage.rss_peak_mb,
    loadgen_cpu_pct: loadUsage.cpu_pct,
    server_loop_delay_p99_ms: serverUsage.loop_delay_p99_ms,
    server_loop_delay_max_ms: serverUsage.loop_delay_max_ms,
    loadgen_loop_delay_max_ms: loadUsage.loop_delay_max_ms,
    machine_cpu_pressure_pct: serverUsage.machine_cpu_pressure_pct,
    machine_io_pressure_pct: serverUsage.machine_io_pressure_pct,
    join: {
      seconds: join.seconds,
      join_p50_ms: round(join.join_p50_ms),
      join_p95_ms: round(join.join_p95_ms),
      ...(join.failures && Object.keys(join.failures).length ? { failures: join.failures } : {}),
    },
    ...(run.kinds
      ? {
          kinds: Object.fromEntries(
            Object.entries(run.kinds).map(([k, v]) => [
              k,
              { count: v.count, p50_ms: round(v.p50_ms), p99_ms: round(v.p99_ms) },
            ]),
          ),
        }
      : {}),
  };
}

/** N Accord rooms of 1 host and `delegates` delegates. */
export function benchAccordRooms(options: RunOptions): Promise<RoomsResult> {
  return withChildren("./accord-server.ts", options, async (server, load, url) => {
    const log = options.log ?? (() => {});
    const sessions = await server.request<{ code: string; hostKey: string }[]>("create", { n: options.rooms }, 120_000);
    const join = await load.request<RoomsResult["join"] & { clients: number }>(
      "accord-join",
      { url, sessions, delegates: options.delegates, concurrency: 16 },
      600_000,
    );
    log(`    ${join.clients} clients joined in ${join.seconds} s`);
    await load.request("accord-setup", {}, 120_000);
    await server.request("mark");
    const run = await load.request<RunReport>(
      "accord-run",
      { seconds: options.seconds, seed: options.seed },
      (options.seconds + 60) * 1000,
    );
    const serverUsage = await server.request<Usage>("usage");
    const loadUsage = await load.request<Usage>("usage");
    return shape(options, join, run, serverUsage, loadUsage);
  });
}

/** N plain Colyseus rooms (bench/server/baseline-room.ts) with the same number of clients and pace. */
export function benchBaselineRooms(options: RunOptions): Promise<RoomsResult> {
  return withChildren("./baseline-server.ts", options, async (server, load, url) => {
    const roomIds = await server.request<string[]>("create", { n: options.rooms });
    const join = await load.request<RoomsResult["join"] & { clients: number }>(
      "baseline-join",
      { url, roomIds, clients: options.delegates + 1, concurrency: 16 },
      600_000,
    );
    await server.request("mark");
    const run = await load.request<RunReport>(
      "baseline-run",
      { seconds: options.seconds, seed: options.seed },
      (options.seconds + 60) * 1000,
    );
    const serverUsage = await server.request<Usage>("usage");
    const loadUsage = await load.request<Usage>("usage");
    return shape(options, join, run, serverUsage, loadUsage);
  });
}

export interface StormResult {
  clients: number;
  window_s: number;
  joined: number;
  failures: number;
  failure_reasons: Record<string, number>;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  elapsed_s: number;
  cpu_pct: number;
  rss_mb: number;
}

/** `clients` delegates join one fresh session within `windowS` seconds. */
export function benchJoinStorm(clients: number, windowS: number, seed: number): Promise<StormResult> {
  return withChildren(
    "./accord-server.ts",
    { rooms: 1, delegates: clients, seconds: windowS, seed },
    async (server, load, url) => {
      const [session] = await server.request<{ code: string; hostKey: string }[]>("create", { n: 1 });
      await server.request("mark");
      const r = await load.request<Omit<StormResult, "cpu_pct" | "rss_mb">>(
        "storm",
        { url, code: session!.code, clients, windowS, seed },
        (windowS + 90) * 1000,
      );
      const u = await server.request<Usage>("usage");
      return {
        ...r,
        p50_ms: round(r.p50_ms),
        p95_ms: round(r.p95_ms),
        max_ms: round(r.max_ms),
        cpu_pct: u.cpu_pct,
        rss_mb: u.rss_peak_mb,
      };
    },
  );
}
