// The Markdown table printed after a run (and pasted into BENCHMARKS.md):
// every figure the issue names, its target where it has one, and whether the
// run met it. Reads only the results object, so an old latest.json can be
// printed again with `node --import tsx bench/lib/report.ts FILE`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Results = Record<string, unknown>;

interface Row {
  label: string;
  key: string;
  unit: string;
  /** A target: at most (≤) or at least (≥). */
  target?: { op: "<=" | ">="; value: number };
}

const ROWS: Row[] = [
  {
    label: "Rules: actions per second (realistic session mix)",
    key: "rules.actions_per_s",
    unit: "/s",
    target: { op: ">=", value: 50_000 },
  },
  { label: "Rules: one audience's view (viewFor)", key: "rules.view_us", unit: "µs" },
  { label: "Rules: view + diff per audience per action", key: "rules.view_and_diff_us", unit: "µs" },
  { label: "Journal: durable commit p50", key: "journal.commit_p50_ms", unit: "ms", target: { op: "<=", value: 2 } },
  { label: "Journal: durable commit p99", key: "journal.commit_p99_ms", unit: "ms" },
  { label: "Join storm: p95 join time", key: "join_storm.p95_ms", unit: "ms" },
  { label: "Join storm: failures", key: "join_storm.failures", unit: "", target: { op: "<=", value: 0 } },
  { label: "Client: join page JS (gzip)", key: "client.join_gzip_kb", unit: "KB", target: { op: "<=", value: 60 } },
  { label: "Client: whole game JS (gzip)", key: "client.game_gzip_kb", unit: "KB", target: { op: "<=", value: 450 } },
  { label: "Client: navigation → join page usable", key: "client.join_ready_ms", unit: "ms" },
  { label: "Client: join → table ready (Phaser scene)", key: "client.table_ready_ms", unit: "ms" },
  {
    label: "Client soak (390 px phone, 2 changes a second): idle CPU, renderer + GPU",
    key: "client.soak.idle_cpu_pct",
    unit: "%",
    target: { op: "<=", value: 3 },
  },
  {
    label: "Client soak: memory growth, minute 1 → end",
    key: "client.soak.rss_growth_mb",
    unit: "MB",
    target: { op: "<=", value: 60 },
  },
  {
    label: "Client soak: DOM nodes, most seen (50 chat lines shown)",
    key: "client.soak.dom_nodes_max",
    unit: "",
    target: { op: "<=", value: 3050 },
  },
  {
    label: "Client soak: patch → paint p95, CPU 4× slower (median of the windows)",
    key: "client.soak.patch_to_paint_p95_ms",
    unit: "ms",
    target: { op: "<=", value: 16 },
  },
  {
    label: "Client soak: patch → paint p95, CPU 4×, the talk in view (every chat line drawn)",
    key: "client.soak.patch_to_paint_talk_in_view.p95_ms",
    unit: "ms",
  },
  { label: "Client soak: minutes busy", key: "client.soak.minutes", unit: "min", target: { op: ">=", value: 10 } },
  {
    label: "Projector, same lesson: memory growth, minute 1 → end",
    key: "client.soak.screen.rss_growth_mb",
    unit: "MB",
  },
  { label: "Projector: DOM nodes, most seen", key: "client.soak.screen.dom_nodes_max", unit: "" },
  { label: "Projector: idle CPU, renderer + GPU", key: "client.soak.screen.idle_cpu_pct", unit: "%" },
  {
    label: "Host console, same lesson: memory growth, minute 1 → end",
    key: "client.soak.console.rss_growth_mb",
    unit: "MB",
  },
  { label: "Host console: DOM nodes, most seen", key: "client.soak.console.dom_nodes_max", unit: "" },
  { label: "Host console: idle CPU, renderer + GPU", key: "client.soak.console.idle_cpu_pct", unit: "%" },
  { label: "Computer lesson (5 delegations, pace × 0.002): briefing → debrief", key: "bots.lesson_wall_s", unit: "s" },
  { label: "Computer lesson: actions sent by the computer delegations", key: "bots.actions", unit: "" },
  {
    label: "Computer lesson: delegations that validly signed the code",
    key: "bots.code_signers",
    unit: "",
    target: { op: ">=", value: 5 },
  },
];

/** Rows for every server and baseline run in the results (rooms10, rooms40, ... or a quick run's rooms2). */
function roomRows(results: Results): Row[] {
  const rows: Row[] = [];
  const sizes = (section: string) =>
    Object.keys((results[section] as Record<string, unknown>) ?? {})
      .filter((k) => /^rooms\d+$/.test(k))
      .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  for (const k of sizes("server")) {
    const n = k.slice(5);
    const key = (f: string) => `server.${k}.${f}`;
    const name = `Server, ${n} rooms × 31`;
    rows.push(
      {
        label: `${name}: seen by every other client, p50`,
        key: key("p50_ms"),
        unit: "ms",
        ...(n === "10" ? { target: { op: "<=" as const, value: 5 } } : {}),
      },
      {
        label: `${name}: p99`,
        key: key("p99_ms"),
        unit: "ms",
        ...(n === "100" ? { target: { op: "<=" as const, value: 100 } } : {}),
      },
      { label: `${name}: max`, key: key("max_ms"), unit: "ms" },
      {
        label: `${name}: failed actions (of ${String(get(results, key("sent")) ?? "?")})`,
        key: key("failed_actions"),
        unit: "",
        ...(n === "100" ? { target: { op: "<=" as const, value: 0 } } : {}),
      },
      { label: `${name}: server CPU`, key: key("cpu_pct"), unit: "% of a core" },
      { label: `${name}: server RSS (peak)`, key: key("rss_mb"), unit: "MB" },
      { label: `${name}: load generator CPU`, key: key("loadgen_cpu_pct"), unit: "% of a core" },
      {
        label: `${name}: machine CPU pressure (time some task waited for a core, anyone's)`,
        key: key("machine_cpu_pressure_pct"),
        unit: "%",
      },
    );
  }
  for (const k of sizes("baseline")) {
    const n = k.slice(5);
    rows.push(
      {
        label: `Baseline (plain Colyseus room, 50 ms patches), ${n} rooms: p50`,
        key: `baseline.${k}.p50_ms`,
        unit: "ms",
      },
      { label: `Baseline, ${n} rooms: p99`, key: `baseline.${k}.p99_ms`, unit: "ms" },
      { label: `Accord p50 ÷ baseline p50, ${n} rooms`, key: `baseline.${k}.accord_p50_ratio`, unit: "×" },
    );
  }
  return rows;
}

export function get(results: Results, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), results);
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en-US") : String(v));

export function markdownTable(results: Results): string {
  const m = results.machine as { cpu: string; cores: number; node: string; os: string; memory_gb: number } | undefined;
  const lines: string[] = [];
  if (m)
    lines.push(
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, ${m.os}, Node ${m.node}. Run: ${String(results.started_at ?? "")}${results.quick ? " (quick)" : ""}.`,
      "",
    );
  lines.push("| Figure | Measured | Target | Met |", "| --- | ---: | ---: | :---: |");
  const rows = [...ROWS.slice(0, 5), ...roomRows(results), ...ROWS.slice(5)];
  const storm = results.join_storm as { clients?: number; window_s?: number } | undefined;
  for (const row of rows) {
    const v = get(results, row.key);
    if (typeof v !== "number") continue;
    const target = row.target
      ? `${row.target.op === "<=" ? "≤" : "≥"} ${fmt(row.target.value)}${row.unit && row.unit !== "" ? " " + row.unit : ""}`
      : "";
    const met = row.target
      ? (row.target.op === "<=" ? v <= row.target.value : v >= row.target.value)
        ? "yes"
        : "**no**"
      : "";
    const label =
      row.key.startsWith("join_storm.") && storm
        ? `${row.label} (${storm.clients} join one session within ${storm.window_s} s)`
        : row.label;
    lines.push(`| ${label} | ${fmt(v)}${row.unit ? " " + row.unit : ""} | ${target} | ${met} |`);
  }
  return lines.join("\n");
}

/** The keys the issue requires; a full run must hold them all. */
export const REQUIRED_KEYS = [
  "rules.actions_per_s",
  "journal.commit_p50_ms",
  "journal.commit_p99_ms",
  "server.rooms10.p50_ms",
  "server.rooms10.p99_ms",
  "server.rooms40.p99_ms",
  "server.rooms100.p99_ms",
  "server.rooms100.failed_actions",
  "server.rooms100.rss_mb",
  "baseline.rooms10.p50_ms",
  "join_storm.p95_ms",
  "join_storm.failures",
  "client.join_gzip_kb",
  "client.game_gzip_kb",
  "client.soak.idle_cpu_pct",
  "client.soak.rss_growth_mb",
  "client.soak.dom_nodes_max",
  "client.soak.patch_to_paint_p95_ms",
  "client.soak.minutes",
  "bots.lesson_wall_s",
  "bots.actions",
  "bots.code_signers",
  "machine",
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? "bench/results/latest.json";
  console.log(markdownTable(JSON.parse(readFileSync(file, "utf8")) as Results));
}
