// A lesson of five computer delegations from briefing to debrief, through the
// real server (SQLite journal on a temporary DATA_DIR, default limits) with
// the computer chairing, at a test's pace (every human pause × 0.002). The
// rate limit is the real one, so the wall time is mostly the limiter's.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAccordServer } from "../../server/app.ts";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { signatureCounts } from "../../shared/rules/index.ts";
import type { SessionState } from "../../shared/state.ts";
import { quietLog } from "../../server/log.ts";

export interface BotsResult {
  lesson_wall_s: number;
  actions: number;
  code_signers: number;
  pace: number;
  journal_entries: number;
}

const PACE = 0.002;
const TIMEOUT_MS = 120_000;

export async function benchBots(): Promise<BotsResult> {
  const dir = mkdtempSync(join(tmpdir(), "accord-bench-bots-"));
  const store = openSqliteStore(dir);
  const server = await createAccordServer({
    port: 0,
    host: "127.0.0.1",
    store,
    restore: false,
    log: quietLog(),
    botPace: PACE,
  });
  try {
    const started = Date.now();
    const res = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        computer: ["china", "russia", "united-states", "united-kingdom", "japan"],
        difficulty: "firm",
        chair: true,
      }),
    });
    const { code } = (await res.json()) as { code: string };
    let state: SessionState | null = null;
    const allSigned = (s: SessionState) =>
      s.phase === "debrief" &&
      s.seats
        .filter((x) => x.computer)
        .every((x) => s.timeline.some((t) => t.delegation === x.delegation && t.kind === "sign"));
    for (;;) {
      state = await server.sessions.state(code);
      if (state && state.phase === "debrief" && (allSigned(state) || Date.now() - started > TIMEOUT_MS)) break;
      if (Date.now() - started > TIMEOUT_MS)
        throw new Error(`the lesson did not reach the debrief in ${TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const wall = (Date.now() - started) / 1000;
    const computerSeats = new Set(state.seats.filter((s) => s.computer).map((s) => s.id));
    const entries = store.entries(code);
    const actions = entries.filter((e) => e.actor.kind === "seat" && computerSeats.has(e.actor.seat)).length;
    const signers = new Set(
      state.signatures.filter((s) => s.instrument === "code" && signatureCounts(state!, s)).map((s) => s.delegation),
    );
    return {
      lesson_wall_s: Math.round(wall * 10) / 10,
      actions,
      code_signers: signers.size,
      pace: PACE,
      journal_entries: entries.length,
    };
  } finally {
    await server.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
