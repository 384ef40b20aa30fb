// `npm run bench`: every section in turn, each bounded; the server, baseline
// and join-storm sections run the server and the load generator as two
// separate processes on 127.0.0.1. Writes bench/results/latest.json (a quick
// run writes bench/results/quick.json) and prints the Markdown table.
//
//   npm run bench                        # the full run, about 28 minutes (18 of them the client soak)
//   npm run bench -- --quick             # a smoke run, about 2 minutes
//   npm run bench -- --only rules,journal
//   npm run bench -- --only client_soak --minutes 20
//   npm run bench -- --only client_soak --minutes 0.2 --windows 1   # a look at patch → paint, about 3 minutes
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs, SECTIONS } from "./lib/args.ts";
import { machineInfo } from "./lib/machine.ts";
import { median, round } from "./lib/stats.ts";
import { REQUIRED_KEYS, get, markdownTable } from "./lib/report.ts";
import { benchRules } from "./rules/run.ts";
import { benchJournal } from "./journal/run.ts";
import { benchAccordRooms, benchBaselineRooms, benchJoinStorm, type RoomsResult } from "./server/run.ts";
import { benchClient } from "./client/run.ts";
import { benchBots } from "./bots/run.ts";
import { benchClientSoak } from "./client/soak-run.ts";

const args = parseArgs(process.argv.slice(2));
// A quick or partial-size run is not the measured table: it goes to its own file unless told otherwise.
const adHoc =
  args.quick ||
  args.rooms !== null ||
  args.seconds !== null ||
  (args.minutes !== null && args.minutes < 10) ||
  (args.windows !== null && args.windows < 3);
const out =
  adHoc && !process.argv.some((a) => a.startsWith("--out"))
    ? args.quick
      ? "bench/results/quick.json"
      : "bench/results/adhoc.json"
    : args.out;
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

// A partial run (--only) keeps the other sections of the previous results, so the table stays whole.
const previous: Record<string, unknown> =
  args.only.size < SECTIONS.length && existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : {};
const results: Record<string, unknown> = {
  ...previous,
  machine: machineInfo(),
  started_at: new Date(started).toISOString(),
  quick: args.quick,
};
const save = () => {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
};

/** Several short runs; each figure is the median over the runs, and every run is kept. */
function combine(runs: RoomsResult[]): RoomsResult & { runs?: RoomsResult[] } {
  if (runs.length === 1) return runs[0]!;
  const med = (f: (r: RoomsResult) => number) => round(median(runs.map(f)));
  const sum = (f: (r: RoomsResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  return {
    ...runs[0]!,
    sent: sum((r) => r.sent),
    measured: sum((r) => r.measured),
    p50_ms: med((r) => r.p50_ms),
    p95_ms: med((r) => r.p95_ms),
    p99_ms: med((r) => r.p99_ms),
    max_ms: Math.max(...runs.map((r) => r.max_ms)),
    failed_actions: sum((r) => r.failed_actions),
    cpu_pct: med((r) => r.cpu_pct),
    rss_mb: Math.max(...runs.map((r) => r.rss_mb)),
    loadgen_cpu_pct: med((r) => r.loadgen_cpu_pct),
    server_loop_delay_p99_ms: med((r) => r.server_loop_delay_p99_ms),
    server_loop_delay_max_ms: Math.max(...runs.map((r) => r.server_loop_delay_max_ms)),
    loadgen_loop_delay_max_ms: Math.max(...runs.map((r) => r.loadgen_loop_delay_max_ms)),
    machine_cpu_pressure_pct: med((r) => r.machine_cpu_pressure_pct ?? NaN),
    machine_io_pressure_pct: med((r) => r.machine_io_pressure_pct ?? NaN),
    runs,
  };
}

const plan = args.quick
  ? {
      server: [
        { rooms: 2, seconds: 15, repeats: 1 },
        { rooms: 5, seconds: 15, repeats: 1 },
      ],
      baseline: { rooms: 2, seconds: 15, repeats: 1 },
      storm: { clients: 60, windowS: 10 },
    }
  : {
      server: [
        { rooms: 10, seconds: 25, repeats: 3 },
        { rooms: 40, seconds: 40, repeats: 1 },
        { rooms: 100, seconds: 60, repeats: 1 },
      ],
      baseline: { rooms: 10, seconds: 25, repeats: 3 },
      storm: { clients: 300, windowS: 30 },
    };
if (args.rooms) plan.server = args.rooms.map((rooms) => ({ rooms, seconds: args.seconds ?? 30, repeats: 1 }));
if (args.seconds) {
  for (const step of plan.server) step.seconds = args.seconds;
  plan.baseline.seconds = args.seconds;
}
const serverFlags = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=bench/results/profiles"] : [];

try {
  if (args.only.has("rules")) {
    log("rules: replaying a realistic session");
    results.rules = benchRules(args.quick);
    save();
  }
  if (args.only.has("journal")) {
    log("journal: durable commits on a temporary DATA_DIR");
    results.journal = benchJournal(args.quick);
    save();
  }
  if (args.only.has("server")) {
    const server: Record<string, unknown> = (results.server as Record<string, unknown>) ?? {};
    results.server = server;
    for (const step of plan.server) {
      const runs: RoomsResult[] = [];
      for (let i = 0; i < step.repeats; i++) {
        log(
          `server: ${step.rooms} rooms of 31 clients, ${step.seconds} s${step.repeats > 1 ? ` (run ${i + 1} of ${step.repeats})` : ""}`,
        );
        runs.push(
          await benchAccordRooms({
            rooms: step.rooms,
            delegates: 30,
            seconds: step.seconds,
            seed: 100 + i,
            serverFlags,
            log,
          }),
        );
        const r = runs[runs.length - 1]!;
        log(
          `    p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, max ${r.max_ms} ms, failed ${r.failed_actions}, server CPU ${r.cpu_pct} %, RSS ${r.rss_mb} MB, machine CPU pressure ${r.machine_cpu_pressure_pct} %`,
        );
      }
      server[`rooms${step.rooms}`] = combine(runs);
      save();
    }
  }
  if (args.only.has("baseline")) {
    const step = plan.baseline;
    const runs: RoomsResult[] = [];
    for (let i = 0; i < step.repeats; i++) {
      log(
        `baseline: ${step.rooms} plain Colyseus rooms of 31 clients, ${step.seconds} s${step.repeats > 1 ? ` (run ${i + 1} of ${step.repeats})` : ""}`,
      );
      runs.push(
        await benchBaselineRooms({ rooms: step.rooms, delegates: 30, seconds: step.seconds, seed: 100 + i, log }),
      );
      const r = runs[runs.length - 1]!;
      log(`    p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, max ${r.max_ms} ms, failed ${r.failed_actions}`);
    }
    const combined: Record<string, unknown> = { ...combine(runs) };
    const accord = get(results, `server.rooms${step.rooms}.p50_ms`);
    if (typeof accord === "number") combined.accord_p50_ratio = round(accord / (combined.p50_ms as number));
    results.baseline = { [`rooms${step.rooms}`]: combined };
    save();
  }
  if (args.only.has("join_storm")) {
    const { clients, windowS } = plan.storm;
    log(`join storm: ${clients} clients join one session within ${windowS} s`);
    results.join_storm = await benchJoinStorm(clients, windowS, 7);
    save();
  }
  if (args.only.has("client")) {
    log("client: bundle sizes and headless Chromium timings");
    // The soak's figures live under client.soak; a run of this section alone keeps them.
    const soak = (results.client as { soak?: unknown } | undefined)?.soak;
    results.client = { ...(await benchClient(args.quick)), ...(soak ? { soak } : {}) };
    save();
  }
  if (args.only.has("client_soak")) {
    const minutes = args.minutes ?? (args.quick ? 2 : 10);
    log(`client soak: one student's page through ${minutes} minutes of a busy lesson`);
    const soak = await benchClientSoak(minutes, args.windows ?? (args.quick ? 1 : 3), log);
    results.client = { ...((results.client as Record<string, unknown>) ?? {}), soak };
    save();
  }
  if (args.only.has("bots")) {
    log("bots: a lesson of five computer delegations, briefing to debrief");
    results.bots = await benchBots();
    const b = results.bots as Awaited<ReturnType<typeof benchBots>>;
    log(`    ${b.lesson_wall_s} s, ${b.actions} actions, ${b.code_signers} delegations signed the code`);
    save();
  }
} finally {
  results.finished_at = new Date().toISOString();
  results.duration_s = Math.round((Date.now() - started) / 1000);
  save();
}

console.log("");
console.log(markdownTable(results));
console.log("");
const missing = REQUIRED_KEYS.filter((k) => get(results, k) === undefined);
if (!args.quick && args.only.size === SECTIONS.length && missing.length)
  console.log(`Missing keys: ${missing.join(", ")}`);
log(`wrote ${out}`);
