// What a computer delegation says when asked in a private channel, and the
// compromise it offers: from its own view, in plain words, never quoting its
// brief; the compromise deletes the words the other delegation's red line is
// about and states the tags the text keeps.
import { describe, expect, it } from "vitest";
import { defaultScenario } from "../../content/load.ts";
import { applyAction, createSession, viewFor, type Actor, type Command } from "../../shared/rules/index.ts";
import type { SessionState } from "../../shared/state.ts";
import { decide, freshMemory } from "../../shared/bots/policy.ts";
import { spanAbout } from "../../shared/bots/compromise.ts";
import { words } from "../../shared/rules/words.ts";

let n = 0;
const fresh = () => ({ tokenHash: String(++n).padEnd(64, "b"), rejoinCode: "MNPQ" });

function negotiation() {
  let state: SessionState = createSession({
    scenario: defaultScenario(),
    code: "ACDEFG",
    now: 1_000,
    hostTokenHash: "h".repeat(64),
    hostRejoinCode: "HHHH",
  });
  const run = (actor: Actor, command: Command) => {
    const r = applyAction(state, actor, command, { now: state.now + 1_000, fresh: fresh() });
    if (!r.ok) throw new Error(`${command.type}: ${r.message}`);
    state = r.state;
  };
  const host: Actor = { kind: "seat", seat: "s1" };
  run(host, { type: "computer.on", delegation: "china", difficulty: "firm" });
  run({ kind: "system" }, { type: "seat.join", role: "delegate", name: "Amy", delegation: "united-states" });
  run(host, { type: "phase.next" });
  run(host, { type: "phase.next" });
  const seat = (name: string) => state.seats.find((s) => s.name === name)!.id;
  return { run, get: () => state, china: seat("China (computer)"), amy: { kind: "seat", seat: seat("Amy") } as Actor };
}

describe("a computer delegation in a private channel", () => {
  it("answers what it was asked with its position, card by card, without quoting its brief", () => {
    const t = negotiation();
    t.run(t.amy, { type: "channel.open", with: ["china"] });
    const channel = t.get().channels.find((c) => c.kind === "private")!.id;
    t.run(t.amy, {
      type: "say",
      channel,
      text: "Could you live with free flow of information, and with threat data sharing?",
    });
    const self = { delegation: "china", seat: t.china, difficulty: "firm" as const, seed: 1 };
    const memory = freshMemory();
    // Its opening moves come first; the question is answered before any tabling.
    const move = decide(viewFor(t.get(), { kind: "delegation", delegation: "china" }), self, memory);
    expect(move?.action).toEqual({
      type: "say",
      channel,
      text: "We cannot accept “Free flow of information: the Internet as a global commons”: free flow is a red line for us; we support “Sharing cyber threat data”.",
    });
    const brief = defaultScenario().delegations.find((d) => d.id === "china")!.brief;
    const said = (move!.action as { text: string }).text;
    for (const secret of [brief.instructions, brief.success, ...brief.redLines.map((r) => r.why)])
      expect(said).not.toContain(secret);
  });

  it("says what it wants when the question names nothing it can place", () => {
    const t = negotiation();
    t.run(t.amy, { type: "channel.open", with: ["china"] });
    const channel = t.get().channels.find((c) => c.kind === "private")!.id;
    t.run(t.amy, { type: "say", channel, text: "What would China need to sign?" });
    const self = { delegation: "china", seat: t.china, difficulty: "firm" as const, seed: 1 };
    const move = decide(viewFor(t.get(), { kind: "delegation", delegation: "china" }), self, freshMemory());
    expect((move?.action as { text: string }).text).toBe(
      "China wants “State sovereignty in cyberspace” and “Countering information that threatens internal affairs”, and will not accept anything on free flow.",
    );
  });
});

describe("a compromise", () => {
  it("deletes the clause that carries the contested words, keeping the rest", () => {
    const text =
      "Each state has the sovereign right to govern the Internet and online content within its own territory.";
    const span = spanAbout(text, "content-control")!;
    expect(words(text).slice(span.from, span.to).join(" ")).toBe("and online content within its own territory.");
    const twoSentences =
      "The Internet is a global commons. Signatory states will respect the free flow of information across borders.";
    const cut = spanAbout(twoSentences, "free-flow")!;
    expect(words(twoSentences).slice(0, cut.from).join(" ")).toBe("The Internet is a global commons.");
    expect(spanAbout("Schools and hospitals are protected.", "free-flow")).toBeNull();
  });
});
