// Section "rules": how many actions per second the pure rules apply over a
// realistic session, and what computing each audience's view costs (the
// server computes one view per audience after every accepted action, then
// diffs it against the last one sent).
import { performance } from "node:perf_hooks";
import { viewFor } from "../../shared/rules/index.ts";
import { applyAction } from "../../shared/rules/index.ts";
import { diffView } from "../../shared/patch.ts";
import type { Audience, SessionView } from "../../shared/view.ts";
import { defaultScenario } from "../../content/load.ts";
import { median, round } from "../lib/stats.ts";
import { buildSessionScript, replay } from "./script.ts";

export interface RulesResult {
  actions_per_s: number;
  actions_per_session: number;
  refused_in_script: number;
  replays: number;
  action_mix: Record<string, number>;
  /** Mean cost of one viewFor call, per audience, after each action (µs). */
  view_us: number;
  /** viewFor plus diffView against the previous view of that audience: the fan-out's work per audience (µs). */
  view_and_diff_us: number;
  audiences: number;
}

export function benchRules(quick: boolean): RulesResult {
  const scenario = defaultScenario();
  const script = buildSessionScript(scenario);
  const mix: Record<string, number> = {};
  for (const e of script.entries) mix[e.command.type] = (mix[e.command.type] ?? 0) + 1;

  // Warm the JIT, then time whole replays and keep the median rate.
  for (let i = 0; i < 3; i++) replay(script);
  const replays = quick ? 8 : 40;
  const rates: number[] = [];
  for (let i = 0; i < replays; i++) {
    const t0 = performance.now();
    replay(script);
    rates.push(script.entries.length / ((performance.now() - t0) / 1000));
  }

  // Views: every audience after every accepted action, as the fan-out does.
  const audiences: Audience[] = [
    { kind: "host" },
    { kind: "observer" },
    ...scenario.delegations.map((d) => ({ kind: "delegation" as const, delegation: d.id })),
  ];
  const states = [];
  let state = script.initial;
  for (const e of script.entries) {
    const r = applyAction(state, e.actor, e.command, e.ctx);
    if (r.ok) states.push((state = r.state));
  }
  const viewRuns = quick ? 2 : 6;
  const viewOnly: number[] = [];
  const viewDiff: number[] = [];
  for (let run = 0; run < viewRuns + 1; run++) {
    let t0 = performance.now();
    for (const s of states) for (const a of audiences) viewFor(s, a);
    const v = ((performance.now() - t0) * 1000) / (states.length * audiences.length);
    const last = new Map<number, SessionView>();
    t0 = performance.now();
    for (const s of states) {
      audiences.forEach((a, i) => {
        const next = viewFor(s, a);
        const prev = last.get(i);
        if (prev) diffView(prev, next);
        last.set(i, next);
      });
    }
    const vd = ((performance.now() - t0) * 1000) / (states.length * audiences.length);
    if (run > 0) {
      viewOnly.push(v);
      viewDiff.push(vd);
    }
  }
  return {
    actions_per_s: Math.round(median(rates)),
    actions_per_session: script.entries.length,
    refused_in_script: script.refused,
    replays,
    action_mix: mix,
    view_us: round(median(viewOnly)),
    view_and_diff_us: round(median(viewDiff)),
    audiences: audiences.length,
  };
}
