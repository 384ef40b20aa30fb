// A whole lesson played in-process by computer delegations and the computer
// chair, through the same chain a student's action takes on the server: the
// protocol's zod parse, then the rules. Each delegation decides from its own
// audience's view only. Used by the property tests (many seeds, fast).
import { ActMessage, type ClientAction } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario.ts";
import type { SessionState } from "../../shared/state.ts";
import type { SessionView } from "../../shared/view.ts";
import { applyAction, createSession, viewFor, type Actor, type Command } from "../../shared/rules/index.ts";
import { decide, freshMemory, type BotMemory, type BotSelf } from "../../shared/bots/policy.ts";
import { chairMove } from "../../shared/bots/chair.ts";
import { seedOf } from "../../shared/seeded.ts";
import type { Difficulty } from "../../shared/bots/difficulty.ts";

export interface Sent {
  delegation: string;
  action: ClientAction;
  view: SessionView;
  accepted: boolean;
  refusal?: string;
}

export interface Lesson {
  state: SessionState;
  sent: Sent[];
  steps: number;
}

export function playLesson(scenario: Scenario, seed: number, difficulty: (d: string) => Difficulty): Lesson {
  let now = 1_700_000_000_000;
  let freshN = 0;
  const fresh = () => ({ tokenHash: `${seed}-${++freshN}`.padEnd(64, "0"), rejoinCode: "MNPQ" });
  let state = createSession({ scenario, code: "ACDEFG", now, hostTokenHash: "h".repeat(64), hostRejoinCode: "HHHH" });
  const host: Actor = { kind: "seat", seat: "s1" };
  const must = (actor: Actor, command: Command) => {
    const r = applyAction(state, actor, command, { now, fresh: fresh() });
    if (!r.ok) throw new Error(`${command.type} refused: ${r.message}`);
    state = r.state;
  };
  for (const d of scenario.delegations)
    must(host, { type: "computer.on", delegation: d.id, difficulty: difficulty(d.id) });
  must(host, { type: "chair.auto", on: true });

  const bots = state.seats
    .filter((s) => s.computer)
    .map((s) => ({
      self: {
        delegation: s.delegation!,
        seat: s.id,
        difficulty: s.computer!,
        seed: seedOf(seed, state.code, s.delegation!),
      } as BotSelf,
      memory: freshMemory() as BotMemory,
      seq: 0,
    }));
  const sent: Sent[] = [];
  const chairDone = new Set<string>();
  let chairPhase = state.phase;
  let steps = 0;

  // The same parse as the room: an action a student's seat could not send fails here.
  const act = (seat: string, seq: number, action: ClientAction) => {
    const parsed = ActMessage.parse(JSON.parse(JSON.stringify({ seq, action })));
    return applyAction(state, { kind: "seat", seat }, parsed.action, { now, clientSeq: parsed.seq });
  };

  while (state.phase !== "debrief" && steps < 5000) {
    steps++;
    now += 1000;
    let moved = false;
    for (const bot of bots) {
      const view = viewFor(state, { kind: "delegation", delegation: bot.self.delegation });
      const move = decide(view, bot.self, bot.memory);
      if (!move) {
        if (state.phase === "negotiation") bot.memory.idle++;
        continue;
      }
      bot.memory.done.add(move.key);
      const r = act(bot.self.seat, ++bot.seq, move.action);
      sent.push({
        delegation: bot.self.delegation,
        action: move.action,
        view,
        accepted: r.ok,
        ...(r.ok ? {} : { refusal: `${r.code}: ${r.message}` }),
      });
      if (!r.ok) continue;
      state = r.state;
      moved = true;
      if (move.line) {
        const say: ClientAction = { type: "say", channel: "floor", text: move.line };
        const r2 = act(bot.self.seat, ++bot.seq, say);
        sent.push({ delegation: bot.self.delegation, action: say, view, accepted: r2.ok });
        if (r2.ok) state = r2.state;
      }
    }
    if (chairPhase !== state.phase) {
      chairPhase = state.phase;
      chairDone.clear();
    }
    const settled = !moved && bots.every((b) => b.memory.idle >= 6 || state.phase !== "negotiation");
    const chair = chairMove(viewFor(state, { kind: "host" }), settled, chairDone);
    if (chair) {
      chairDone.add(chair.key);
      const r = applyAction(state, host, chair.action, { now });
      if (r.ok) state = r.state;
    }
  }
  return { state, sent, steps };
}
