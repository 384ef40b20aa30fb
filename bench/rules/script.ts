// A realistic session, as the journal would hold it: 30 delegates join, the
// host runs the phases, delegations table cards, take stances, amend and vote,
// talk on the floor, in teams and in private, resolve brackets, freeze, sign
// and reach the debrief. Built once with a seeded generator that looks at the
// state (so nearly every action is one a real player could send), then
// replayed for timing: the replay is exactly the rules' work per action.
import { applyAction, createSession, type Actor, type Command, type Context } from "../../shared/rules/index.ts";
import type { SessionState } from "../../shared/state.ts";
import type { Scenario } from "../../shared/scenario.ts";
import { CODE_ALPHABET } from "../../shared/ids.ts";
import { between, pick, seeded, type Rng } from "../lib/rng.ts";

export interface ScriptEntry {
  actor: Actor;
  command: Command;
  ctx: Context;
}

export interface SessionScript {
  initial: SessionState;
  entries: ScriptEntry[];
  /** Entries the rules refused while the script was built (kept in it: refusals are real load too). */
  refused: number;
  final: SessionState;
}

const HOST: Actor = { kind: "seat", seat: "s1" };
const SYSTEM: Actor = { kind: "system" };
const CHAT = [
  "We can support this if the wording on sovereignty stays.",
  "Our delegation needs time to consult the capital.",
  "Can we agree on hospitals and power grids first?",
  "This text goes too far for us.",
  "We propose to bracket the second sentence.",
  "Agreed, let us move on.",
  "Who else supports the working group idea?",
  "We object to any limit on information flows.",
];

export function buildSessionScript(
  scenario: Scenario,
  delegates = 30,
  negotiationActions = 900,
  seed = 7,
): SessionScript {
  const rng = seeded(seed);
  let now = Date.UTC(2025, 0, 6, 9, 0, 0);
  const initial = createSession({ scenario, code: "BENCH7", now, hostTokenHash: hex(rng), hostRejoinCode: code4(rng) });
  let state = initial;
  const entries: ScriptEntry[] = [];
  let refused = 0;

  const run = (actor: Actor, command: Command, fresh = false): boolean => {
    now += Math.floor(between(rng, 50, 900));
    const ctx: Context = fresh ? { now, fresh: { tokenHash: hex(rng), rejoinCode: code4(rng) } } : { now };
    entries.push({ actor, command, ctx });
    const result = applyAction(state, actor, command, ctx);
    if (!result.ok) {
      refused++;
      return false;
    }
    state = result.state;
    return true;
  };
  const seat = (id: string): Actor => ({ kind: "seat", seat: id });
  const delegatesOf = () => state.seats.filter((s) => s.role === "delegate");
  const anyDelegate = () => pick(rng, delegatesOf());
  const heads = () => Object.values(state.heads).filter((h): h is string => h !== null);
  const say = (who: string, channel: string) =>
    run(seat(who), { type: "say", channel, text: `${pick(rng, CHAT)} (${entries.length})` });

  // Joining: the class arrives, a few Wi-Fi drops on the way.
  run(SYSTEM, { type: "seat.connect", seat: "s1" });
  run(SYSTEM, { type: "seat.join", role: "observer", name: "Projector" }, true);
  for (let i = 0; i < delegates; i++)
    run(SYSTEM, { type: "seat.join", role: "delegate", name: `Student ${i + 1}` }, true);
  run(HOST, { type: "session.lock", locked: true });

  // Briefing: teams read and talk among themselves.
  run(HOST, { type: "timer.start" });
  for (let i = 0; i < 40; i++) {
    const d = anyDelegate();
    say(d.id, `team-${d.delegation}`);
  }
  run(HOST, { type: "phase.next" });
  // Opening statements on the floor.
  for (const h of heads()) say(h, "floor");
  run(HOST, { type: "announce", text: "Opening statements are over: the floor is open for negotiation." });
  run(HOST, { type: "phase.next" });
  run(HOST, { type: "timer.start" });

  // Negotiation: every head tables two cards; two side agreements and private channels.
  const cards = scenario.cards.map((c) => c.id);
  let nextCard = 0;
  for (const h of heads())
    for (let k = 0; k < 2; k++)
      run(seat(h), { type: "provision.table", instrument: "code", card: cards[nextCard++ % cards.length]! });
  const ds = scenario.delegations.map((d) => d.id);
  const opener = state.heads[ds[0]!]!;
  run(seat(opener), {
    type: "instrument.open",
    title: "Bilateral agreement on information security",
    parties: [ds[1]!],
  });
  const side = state.instruments[state.instruments.length - 1]!.id;
  run(seat(opener), { type: "provision.table", instrument: side, card: cards[nextCard++ % cards.length]! });
  run(seat(state.heads[ds[2]!]!), { type: "channel.open", with: [ds[3]!, ds[4]!] });
  run(seat(state.heads[ds[0]!]!), { type: "channel.open", with: [ds[1]!] });

  for (let i = 0; i < negotiationActions; i++) negotiate(rng);
  run(HOST, { type: "phase.next" });

  // Final text: resolve every bracket (half dropped, half voted on), then freeze.
  let nth = 0;
  for (const p of state.provisions.filter(
    (p) => p.status === "tabled" && Object.values(p.stances).includes("objection"),
  )) {
    if (nth++ % 2 === 0) {
      run(HOST, { type: "bracket.resolve", provision: p.id, how: "drop" });
      continue;
    }
    run(HOST, { type: "bracket.resolve", provision: p.id, how: "vote" });
    for (const h of heads()) run(seat(h), { type: "vote.cast", provision: p.id, vote: rng() < 0.6 ? "yes" : "no" });
    run(HOST, { type: "vote.close", provision: p.id });
  }
  for (const instrument of state.instruments) run(HOST, { type: "instrument.freeze", instrument: instrument.id });
  run(HOST, { type: "phase.next" });

  // Signing: heads sign what their delegation accepts.
  for (const instrument of state.instruments) {
    if (!instrument.frozen) continue;
    for (const d of instrument.parties ?? ds) {
      const h = state.heads[d];
      if (h && rng() < 0.8)
        run(seat(h), { type: "sign", instrument: instrument.id, version: instrument.frozen.version });
    }
  }
  run(HOST, { type: "phase.next" });
  for (let i = 0; i < 20; i++) say(anyDelegate().id, "floor");
  run(HOST, { type: "session.end" });
  return { initial, entries, refused, final: state };

  function negotiate(rng: Rng): void {
    const r = rng();
    const d = anyDelegate();
    const own = d.delegation!;
    const open = state.provisions.filter(
      (p) =>
        p.status === "tabled" &&
        state.instruments.find((x) => x.id === p.instrument && (x.parties === null || x.parties.includes(own))),
    );
    if (r < 0.35) say(d.id, "floor");
    else if (r < 0.5) say(d.id, `team-${own}`);
    else if (r < 0.55) {
      const channel = state.channels.find((c) => c.kind === "private" && c.members?.includes(own));
      say(d.id, channel?.id ?? "floor");
    } else if (r < 0.75 && open.length) {
      const p = pick(rng, open);
      const now = p.stances[own] ?? null;
      const stances = (["support", "reservation", "objection", null] as const).filter((s) => s !== now);
      run(seat(d.id), { type: "stance.set", provision: p.id, stance: pick(rng, stances) });
    } else if (r < 0.83 && open.length) {
      const p = pick(rng, open);
      const n = p.versions[p.versions.length - 1]!.text.split(/\s+/).length;
      const at = Math.floor(rng() * n);
      const edit =
        rng() < 0.5
          ? { kind: "insert" as const, at, text: "jointly" }
          : { kind: "replace" as const, from: at, to: Math.min(n, at + 1), text: "all states" };
      run(seat(d.id), {
        type: "amendment.propose",
        provision: p.id,
        baseVersion: p.versions.length,
        edit,
        note: "Clearer wording.",
      });
    } else if (r < 0.95) {
      const pending = state.amendments.filter((a) => a.status === "pending" && a.votes[own] === undefined);
      if (pending.length)
        run(seat(d.id), { type: "amendment.vote", amendment: pick(rng, pending).id, vote: rng() < 0.7 ? "yes" : "no" });
      else say(d.id, "floor");
    } else if (r < 0.97) {
      const pending = state.amendments.filter((a) => a.status === "pending");
      if (pending.length) run(HOST, { type: "amendment.close", amendment: pick(rng, pending).id });
    } else if (r < 0.98) {
      const next = scenario.injects.find((i) => !state.injectsReleased.some((x) => x.inject === i.id));
      if (next) run(HOST, { type: "inject.release", inject: next.id });
    } else {
      // A Wi-Fi drop and return.
      run(SYSTEM, { type: "seat.disconnect", seat: d.id });
      run(SYSTEM, { type: "seat.connect", seat: d.id });
    }
  }
}

const hex = (rng: Rng) => Array.from({ length: 64 }, () => "0123456789abcdef"[Math.floor(rng() * 16)]).join("");
const code4 = (rng: Rng) => Array.from({ length: 4 }, () => pick(rng, [...CODE_ALPHABET])).join("");

/** Replays a script from its first state; returns the final state (the caller times it). */
export function replay(script: SessionScript): SessionState {
  let state = script.initial;
  for (const e of script.entries) {
    const result = applyAction(state, e.actor, e.command, e.ctx);
    if (result.ok) state = result.state;
  }
  return state;
}
