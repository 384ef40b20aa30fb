// Properties of computer delegations over many seeded lessons (all five seats
// played by the computer, mixed difficulties, every decision rule), played
// through the protocol's parse and the rules exactly as the server does:
// every action is one a student's seat could send and is accepted; each
// delegation decides from its own audience's view, which never holds another
// delegation's secrets; and none signs a text that crosses its red lines or
// leaves it at or below its walk-away.
import { describe, expect, it } from "vitest";
import { defaultScenario } from "../../content/load.ts";
import { ClientAction } from "../../shared/protocol.ts";
import { DELEGATE_ACTIONS } from "../../shared/rules/index.ts";
import { walkAwayOf } from "../../shared/bots/worth.ts";
import type { Difficulty } from "../../shared/bots/difficulty.ts";
import { playLesson } from "./simulate.ts";

const DIFFICULTIES: Difficulty[] = ["cooperative", "firm", "hard-line"];
const RULES = ["consensus", "majority", "two-thirds"] as const;
const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

function lesson(seed: number) {
  const scenario = { ...defaultScenario(), decisionRule: RULES[seed % RULES.length]! };
  const difficulty = (d: string) => DIFFICULTIES[(seed + d.length) % DIFFICULTIES.length]!;
  return { scenario, ...playLesson(scenario, seed, difficulty) };
}

describe("computer delegations over many seeds", () => {
  it.each(SEEDS)("seed %i: only student actions, all accepted, no secrets seen, no red line signed", (seed) => {
    const { scenario, state, sent } = lesson(seed);
    expect(state.phase).toBe("debrief");
    expect(sent.length).toBeGreaterThan(50);
    for (const s of sent) {
      // A delegate's action, in the protocol's own shape, and the rules took it.
      expect(DELEGATE_ACTIONS.has(s.action.type)).toBe(true);
      expect(ClientAction.safeParse(s.action).success).toBe(true);
      expect(s.refusal).toBeUndefined();
      // What it decided from: its own delegation's view, holding its own brief only.
      expect(s.view.audience).toEqual({ kind: "delegation", delegation: s.delegation });
      const seen = JSON.stringify(s.view);
      for (const other of scenario.delegations.filter((d) => d.id !== s.delegation)) {
        expect(seen).not.toContain(other.brief.instructions);
        expect(seen).not.toContain(other.brief.success);
      }
      for (const c of s.view.channels) expect(c.members === null || c.members.includes(s.delegation)).toBe(true);
    }
    // Signatures, judged from the whole state (the ground truth), not from what the delegation thought.
    for (const sig of state.signatures) {
      const brief = scenario.delegations.find((d) => d.id === sig.delegation)!.brief;
      const frozen = state.instruments.find((i) => i.id === sig.instrument)!.frozen!;
      const adopted = frozen.provisions.map((f) => state.provisions.find((p) => p.id === f.id)!);
      const tags = new Set(adopted.flatMap((p) => p.tags));
      for (const line of brief.redLines)
        expect(tags.has(line.tag), `${sig.delegation} signed across ${line.tag}`).toBe(false);
      const score = state.debrief!.scores.find((x) => x.delegation === sig.delegation)!;
      expect(score.score).toBeGreaterThan(walkAwayOf(brief));
    }
  });

  it("signs the code with all five under consensus, and says why it will not sign when a kept text crosses its red line", () => {
    const consensus = lesson(3);
    expect(consensus.scenario.decisionRule).toBe("consensus");
    expect(new Set(consensus.state.signatures.map((s) => s.delegation)).size).toBe(5);

    // Under majority, firm delegations offer no compromise: the three who want free flow keep it,
    // and China and Russia refuse to sign, and say why.
    const scenario = { ...defaultScenario(), decisionRule: "majority" as const };
    const majority = { scenario, ...playLesson(scenario, 4, () => "firm") };
    const floor = majority.state.channels.find((c) => c.id === "floor")!.messages.map((m) => m.text);
    expect(floor).toContain(
      "China will not sign “International Code of Conduct for Cyberspace”: it crosses its red line on free flow.",
    );
    expect(majority.state.signatures.some((s) => s.delegation === "china")).toBe(false);
    // The refusal is on record, as a student's "Not now" is.
    expect(majority.state.declines?.map((d) => d.delegation)).toContain("china");
  });

  it("is deterministic: the same session and seed make the same moves", () => {
    const a = lesson(7).sent.map((s) => JSON.stringify(s.action));
    const b = lesson(7).sent.map((s) => JSON.stringify(s.action));
    expect(a).toEqual(b);
  });
});
