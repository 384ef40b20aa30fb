// Section "journal": the durable commit the room waits for before telling
// anyone of an action. server/store/sqlite.ts `append` (WAL, synchronous
// FULL: an fsync per commit) on a fresh temporary DATA_DIR, with the entries
// of a realistic session, timed one by one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { defaultScenario } from "../../content/load.ts";
import { buildSessionScript } from "../rules/script.ts";
import { round, summarize } from "../lib/stats.ts";

export interface JournalResult {
  commit_p50_ms: number;
  commit_p99_ms: number;
  commit_max_ms: number;
  commits: number;
  commits_per_s: number;
  mean_entry_bytes: number;
  data_dir_fs: string;
}

export function benchJournal(quick: boolean): JournalResult {
  const scenario = defaultScenario();
  const script = buildSessionScript(scenario);
  const dir = mkdtempSync(join(tmpdir(), "accord-bench-journal-"));
  const store = openSqliteStore(dir);
  const samples: number[] = [];
  let bytes = 0;
  const runs = quick ? 2 : 5;
  const perRun = quick ? 200 : 600;
  const t0 = performance.now();
  try {
    // Short runs on fresh sessions rather than one long one: a slow moment of
    // the shared disk then shows in one run's tail, not in every figure.
    for (let r = 0; r < runs; r++) {
      const code = `JRNL${"34679ACDEF"[r]}${"GHJKM"[r % 5]}`;
      store.create(
        { scenario, code, now: Date.now(), hostTokenHash: "0".repeat(64), hostRejoinCode: "ACDE" },
        { code, scenarioId: scenario.id, title: scenario.title, createdAt: Date.now(), updatedAt: Date.now() },
      );
      for (let i = 0; i < perRun; i++) {
        const e = script.entries[i % script.entries.length]!;
        const entry = { seq: i + 1, actor: e.actor, command: e.command, ctx: { ...e.ctx, now: Date.now() } };
        bytes += JSON.stringify(entry).length;
        const start = performance.now();
        store.append(code, entry);
        samples.push(performance.now() - start);
      }
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const elapsed = (performance.now() - t0) / 1000;
  const s = summarize(samples);
  return {
    commit_p50_ms: round(s.p50),
    commit_p99_ms: round(s.p99),
    commit_max_ms: round(s.max),
    commits: s.count,
    commits_per_s: Math.round(s.count / elapsed),
    mean_entry_bytes: Math.round(bytes / s.count),
    data_dir_fs: tmpdir(),
  };
}
