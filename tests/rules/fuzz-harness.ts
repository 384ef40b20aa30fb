// The seeded fuzz: random commands (valid-ish and garbage) from random seats,
// the host, observers and the system, with the invariants checked after each.
// Client commands go through the protocol's zod schema first, as on the server.
import { ClientAction, type ClientActionType, CLIENT_ACTION_TYPES } from "../../shared/protocol.ts";
import { PHASES, type Scenario } from "../../shared/scenario.ts";
import { SessionState } from "../../shared/state.ts";
import type { Audience } from "../../shared/view.ts";
import {
  DELEGATE_ACTIONS,
  PHASE_ACTIONS,
  applyAction,
  audienceKey,
  createSession,
  currentText,
  viewFor,
  words,
  type Actor,
  type Command,
} from "../../shared/rules/index.ts";
import { deepFreeze } from "../fixtures/mini-scenario.ts";
import { JOBS, dutyOf } from "../../shared/jobs.ts";
import { signatureCounts } from "../../shared/rules/signing.ts";
import { isParty } from "../../shared/rules/lookup.ts";

import { seeded as mulberry32 } from "../../shared/seeded.ts";

export interface FuzzReport {
  failure: string | null;
  accepted: number;
  refused: number;
  rejectedBySchema: number;
  phasesSeen: Set<string>;
  acceptedTypes: Set<string>;
  acceptedCounts: Map<string, number>;
  /** "seat.job from a head", "sign.decline from a head", "seat.job from the host", ...: who got each action through. */
  acceptedFrom: Set<string>;
  refusalCodes: Map<string, number>;
}

const NAMES = [
  "Wei",
  "Lin",
  "Ivan",
  "Olga",
  "Amy",
  "Ben",
  "Yuki",
  "Kenji",
  "Ada",
  "host",
  "Projector",
  "wei",
  "  Sam  ",
];

export function runFuzz(seed: number, steps: number, scenario: Scenario): FuzzReport {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(items: readonly T[]): T | undefined => (items.length === 0 ? undefined : items[int(items.length)]);
  const chance = (p: number) => rnd() < p;
  const delegationIds = scenario.delegations.map((d) => d.id);
  const cardIds = scenario.cards.map((c) => c.id);
  const tags = [...new Set(scenario.cards.flatMap((c) => c.tags))];
  let freshN = 0;
  const fresh = () => ({ tokenHash: `tok${seed}-${++freshN}`.padEnd(64, "f"), rejoinCode: "MNPQ" });

  let state = deepFreeze(
    createSession({
      scenario,
      code: "ACDEFG",
      now: 1_700_000_000_000,
      hostTokenHash: "h".repeat(64),
      hostRejoinCode: "HHHH",
    }),
  );
  let now = state.now;
  const frozenSeen = new Map<string, Set<string>>();
  let privateSerial = 0;
  let answerSerial = 0;
  const report: FuzzReport = {
    failure: null,
    accepted: 0,
    refused: 0,
    rejectedBySchema: 0,
    phasesSeen: new Set(),
    acceptedTypes: new Set(),
    acceptedCounts: new Map(),
    acceptedFrom: new Set(),
    refusalCodes: new Map(),
  };

  const someId = (ids: string[], prefix: string) =>
    chance(0.85) && ids.length > 0 ? pick(ids)! : `${prefix}${int(999) + 1}`;
  const someText = () =>
    pick([
      "Yes.",
      "We object strongly.",
      "All states",
      "  spaced   words  ",
      "x".repeat(int(2100)),
      "",
      '<b>bold</b> & "quotes"',
    ])!;

  function clientCommand(type: ClientActionType): unknown {
    // Mostly aim at provisions where the action can work: on the table, bracketed, or under a vote.
    const live = state.provisions.filter((p) => p.status === "tabled");
    const targeted =
      type === "bracket.resolve"
        ? live.filter((p) => Object.values(p.stances).includes("objection"))
        : type === "vote.cast" || type === "vote.close"
          ? live.filter((p) => p.vote)
          : live;
    const provisions = (chance(0.8) && targeted.length > 0 ? targeted : state.provisions).map((p) => p.id);
    const pending = state.amendments.filter((a) => a.status === "pending");
    const amendments = (chance(0.8) && pending.length > 0 ? pending : state.amendments).map((a) => a.id);
    const withText = state.instruments.filter((i) => live.some((p) => p.instrument === i.id));
    const instruments = (chance(0.7) && withText.length > 0 ? withText : state.instruments).map((i) => i.id);
    const channels = state.channels.map((c) => c.id);
    switch (type) {
      case "timer.start":
        return { type, ...(chance(0.5) ? { minutes: pick([0.5, 1, 5, 200]) } : {}) };
      case "timer.extend":
        return { type, minutes: pick([0.5, 2, 61, -1]) };
      case "session.lock":
        return { type, locked: chance(0.5) };
      case "session.end":
        return { type };
      case "session.adjourn":
        return { type, adjourned: chance(0.5) };
      case "seat.rename":
        return {
          type,
          seat: someId(
            state.seats.map((s) => s.id),
            "s",
          ),
          name: pick(["Ana", "Teacher", "Delegate 7", someText()])!,
        };
      case "seat.job":
        return {
          type,
          seat: someId(
            state.seats.map((s) => s.id),
            "s",
          ),
          job: pick([
            ...JOBS,
            ...JOBS,
            "head",
            "juggler",
            " Drafter ",
            "ANALYST",
            "__proto__",
            "constructor",
            "toString",
            "liaison\u0000",
            "x".repeat(41),
            "",
          ])!,
        };
      case "announce":
        return { type, text: someText() };
      case "inject.release":
        return {
          type,
          inject: someId(
            scenario.injects.map((i) => i.id),
            "news",
          ),
        };
      case "seat.move":
        return {
          type,
          seat: someId(
            state.seats.map((s) => s.id),
            "s",
          ),
          delegation: someId(delegationIds, "atlantis"),
        };
      case "seat.makeHead":
      case "seat.hand":
      case "seat.kick":
        return {
          type,
          seat: someId(
            state.seats.map((s) => s.id),
            "s",
          ),
        };
      case "amendment.close":
        return { type, amendment: someId(amendments, "a") };
      case "bracket.resolve":
        return { type, provision: someId(provisions, "p"), how: pick(["drop", "vote"]) };
      case "vote.close":
        return { type, provision: someId(provisions, "p") };
      case "instrument.freeze":
      case "instrument.unfreeze":
        return { type, instrument: someId(instruments, "i") };
      case "instrument.open":
        return {
          type,
          title: someText(),
          parties: [pick(delegationIds)!, ...(chance(0.3) ? [pick(delegationIds)!] : [])],
        };
      case "provision.table":
        return { type, instrument: someId(instruments, "i"), card: someId(cardIds, "card") };
      case "provision.draft":
        return {
          type,
          instrument: someId(instruments, "i"),
          title: someText(),
          text: someText(),
          tags: chance(0.8) ? [pick(tags)!] : ["moon-base"],
        };
      case "provision.withdraw":
        return { type, provision: someId(provisions, "p") };
      case "provision.retag":
        return {
          type,
          provision: someId(provisions, "p"),
          tags: pick([[pick(tags)!], [pick(tags)!, pick(tags)!], [], ["moon-base"], Array(9).fill(pick(tags)!)])!,
        };
      case "stance.set":
        return {
          type,
          provision: someId(provisions, "p"),
          stance: chance(0.4) ? "objection" : pick(["sponsor", "support", "reservation", null]),
        };
      case "amendment.propose": {
        const p = pick(live.length > 0 && chance(0.9) ? live : state.provisions);
        const n = p ? words(currentText(p)).length : 3;
        const baseVersion = p && chance(0.85) ? p.versions.length : int(4) + 1;
        const from = int(n + 1);
        const to = from + 1 + int(3);
        const edit = pick([
          { kind: "insert", at: int(n + 2), text: pick(["all", "never", "in good faith"]) },
          { kind: "replace", from, to, text: pick(["shall", "may", "must not"]) },
          { kind: "delete", from, to },
        ]);
        return {
          type,
          provision: p?.id ?? "p1",
          baseVersion,
          edit,
          ...(chance(0.3) ? { note: "because" } : {}),
          ...(chance(0.3) ? { tags: chance(0.8) ? [pick(tags)!] : ["moon-base"] } : {}),
        };
      }
      case "amendment.withdraw":
        return { type, amendment: someId(amendments, "a") };
      case "amendment.vote":
        return { type, amendment: someId(amendments, "a"), vote: pick(["yes", "no", "abstain"]) };
      case "vote.cast":
        return { type, provision: someId(provisions, "p"), vote: pick(["yes", "no", "abstain"]) };
      case "sign":
      case "sign.decline": {
        const frozen = state.instruments.filter((i) => i.frozen);
        const inst = pick(frozen.length > 0 && chance(0.8) ? frozen : state.instruments);
        const version =
          inst?.frozen && chance(0.8) ? inst.frozen.version : pick(["0".repeat(64), "nothex", "abc123abc123"]);
        return { type, instrument: inst?.id ?? "code", version };
      }
      case "channel.open":
        return { type, with: [pick(delegationIds)!, ...(chance(0.3) ? [pick(delegationIds)!] : [])] };
      case "say":
        return {
          type,
          channel: someId(channels, "c"),
          text: chance(0.5) ? `psst-${seed}-${++privateSerial}` : someText(),
        };
      case "reflection.answer": {
        const n = scenario.questions.length;
        return {
          type,
          question: chance(0.85) ? int(n) : pick([-1, n, 19, 20, 0.5, "0", null]),
          text: chance(0.6) ? `answer-${seed}-${++answerSerial}` : pick([someText(), "\u200b\u200b", "y".repeat(601)]),
        };
      }
      case "reflection.show":
        return { type, shown: chance(0.5) ? chance(0.7) : pick(["yes", 1, null]) };
      default:
        return { type };
    }
  }

  function systemCommand(): Command {
    const seats = state.seats.map((s) => s.id);
    switch (int(7)) {
      case 0:
      case 1:
        return {
          type: "seat.join",
          role: chance(0.85) ? "delegate" : "observer",
          name: pick(NAMES)!,
          ...(chance(0.5) ? { delegation: someId(delegationIds, "atlantis") } : {}),
        };
      case 2:
        return { type: "seat.connect", seat: someId(seats, "s") };
      case 3:
        return { type: "seat.disconnect", seat: someId(seats, "s") };
      case 4:
        return { type: "seat.leave", seat: someId(seats, "s") };
      case 5:
        return { type: "timer.restore", remainingMs: pick([0, 5000, 60_000])! };
      default:
        return { type: "timer.deadline" };
    }
  }

  // Phase moves are rare enough that every phase gets real traffic; the session ends only near the end of a run.
  const HOST_TYPES = CLIENT_ACTION_TYPES.filter(
    (t) => !DELEGATE_ACTIONS.has(t) && !t.startsWith("phase.") && t !== "session.end",
  );
  // What delegates mostly try in each phase (repeats weigh an action up); the rest of the time, anything.
  const DELEGATE_MIX: Partial<Record<string, ClientActionType[]>> = {
    negotiation: [
      "provision.table",
      "provision.table",
      "provision.draft",
      "amendment.propose",
      "amendment.propose",
      "amendment.propose",
      "amendment.vote",
      "amendment.vote",
      "amendment.vote",
      "stance.set",
      "stance.set",
      "instrument.open",
      "channel.open",
      "say",
      "amendment.withdraw",
      // Not a delegate action: a head hands out its team's jobs (anyone else is refused).
      "seat.job",
    ],
    "final-text": ["vote.cast", "vote.cast", "vote.cast", "say", "provision.withdraw"],
    // Declining comes as often as signing: a delegation that signed can no longer decline.
    signing: ["sign", "sign", "sign.decline", "sign.decline", "say"],
  };
  const ANY_BUT_END = CLIENT_ACTION_TYPES.filter((t) => t !== "session.end");
  const audiences = (): Audience[] => [
    { kind: "observer" },
    ...delegationIds.map((delegation) => ({ kind: "delegation" as const, delegation })),
    // A host who was promised not to read private channels is checked like anyone else.
    ...(scenario.hostReadsPrivateChannels ? [] : [{ kind: "host" as const }]),
  ];

  /** What of another delegation's secrets `text` (a view, or an event) holds, sent to `audience`. */
  function secretsLeak(audience: Audience, text = JSON.stringify(viewFor(state, audience))): string | null {
    if (state.phase === "debrief") return null;
    const own = audience.kind === "delegation" ? audience.delegation : null;
    for (const d of audience.kind === "host" ? [] : scenario.delegations) {
      if (d.id === own) continue;
      if (text.includes(d.brief.instructions))
        return `${audience.kind}${own ? ` ${own}` : ""} sees the brief of ${d.id}`;
      if (text.includes(d.brief.success))
        return `${audience.kind}${own ? ` ${own}` : ""} sees the success line of ${d.id}`;
    }
    for (const c of state.channels) {
      if (
        c.members === null ||
        (own !== null && c.members.includes(own)) ||
        (audience.kind === "host" && c.kind === "team")
      )
        continue;
      for (const m of c.messages)
        if (m.text.startsWith("psst-") && text.includes(`"${m.text}"`))
          return `${audience.kind} ${own ?? ""} reads ${c.id}`;
    }
    return null;
  }

  for (let step = 0; step < steps; step++) {
    now +=
      int(4) === 0 && state.timer.state === "running" ? Math.max(0, state.timer.endsAt - now) + int(2) : int(30_000);
    let actor: Actor;
    let command: Command;
    const roll = rnd();
    if (roll < 0.15) {
      actor = { kind: "system" };
      command = systemCommand();
    } else {
      const hostTurn = roll < 0.35;
      const delegates = state.seats.filter((s) => s.role === "delegate");
      const observers = state.seats.filter((s) => s.role === "observer");
      const heads = delegates.filter((d) => Object.values(state.heads).includes(d.id));
      const seatId = hostTurn
        ? "s1"
        : chance(0.05)
          ? (pick(observers)?.id ?? "s1")
          : chance(0.03)
            ? "s9999"
            : ((chance(0.4) ? pick(heads) : pick(delegates))?.id ?? "s1");
      actor = { kind: "seat", seat: seatId };
      const FOCUS: Partial<Record<string, ClientActionType[]>> = {
        negotiation: ["amendment.close"],
        "final-text": [
          "bracket.resolve",
          "bracket.resolve",
          "provision.retag",
          "vote.close",
          "instrument.freeze",
          "instrument.freeze",
        ],
        debrief: ["reflection.show"],
      };
      const focus = FOCUS[state.phase];
      const type: ClientActionType = hostTurn
        ? focus && chance(state.phase === "final-text" ? 0.7 : 0.3)
          ? pick(focus)!
          : chance(0.04)
            ? pick(["phase.next", "phase.next", "phase.back"] as const)!
            : step > steps * 0.95 && chance(0.05)
              ? "session.end"
              : chance(0.9)
                ? pick(HOST_TYPES)!
                : pick(ANY_BUT_END)!
        : chance(0.75)
          ? pick(DELEGATE_MIX[state.phase] ?? PHASE_ACTIONS[state.phase])!
          : pick(ANY_BUT_END)!;
      const raw = clientCommand(type);
      if (chance(0.02)) {
        // A system command from a seat: the rules must refuse it, not obey it.
        command = systemCommand();
      } else {
        const parsed = ClientAction.safeParse(raw);
        if (!parsed.success) {
          report.rejectedBySchema++;
          continue;
        }
        command = parsed.data;
      }
    }
    const before = state;
    const snapshot = step % 50 === 0 ? JSON.stringify(before) : null;
    const needsFresh = command.type === "seat.join" || command.type === "seat.hand";
    const result = applyAction(state, actor, command, {
      now,
      ...(needsFresh && chance(0.97) ? { fresh: fresh() } : {}),
    });
    const where = `FUZZ SEED=${seed} step ${step}: ${JSON.stringify(actor)} ${JSON.stringify(command)}`;
    if (!result.ok) {
      report.refused++;
      report.refusalCodes.set(result.code, (report.refusalCodes.get(result.code) ?? 0) + 1);
      if (result.code === "INTERNAL" && !needsFresh)
        return { ...report, failure: `${where} -> INTERNAL: ${result.message}` };
      if (!result.message || result.message.length < 8)
        return { ...report, failure: `${where} -> ${result.code} with no message` };
      if (snapshot !== null && JSON.stringify(before) !== snapshot)
        return { ...report, failure: `${where} -> a refusal changed the state` };
      continue;
    }
    report.accepted++;
    report.acceptedTypes.add(command.type);
    report.acceptedCounts.set(command.type, (report.acceptedCounts.get(command.type) ?? 0) + 1);
    if (actor.kind === "seat") {
      const seat = before.seats.find((x) => x.id === actor.seat);
      const who =
        seat?.role === "host" ? "the host" : Object.values(before.heads).includes(actor.seat) ? "a head" : "a delegate";
      report.acceptedFrom.add(`${command.type} from ${who}`);
    }
    state = deepFreeze(result.state);
    report.phasesSeen.add(state.phase);

    const parsed = SessionState.safeParse(state);
    if (!parsed.success)
      return {
        ...report,
        failure: `${where} -> state fails its schema: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("; ")}`,
      };
    const moved = Math.abs(PHASES.indexOf(state.phase) - PHASES.indexOf(before.phase));
    if (moved > 1) return { ...report, failure: `${where} -> phase jumped from ${before.phase} to ${state.phase}` };
    for (const i of state.instruments)
      if (i.frozen) (frozenSeen.get(i.id) ?? frozenSeen.set(i.id, new Set()).get(i.id)!).add(i.frozen.version);
    for (const sig of state.signatures)
      if (!frozenSeen.get(sig.instrument)?.has(sig.version))
        return { ...report, failure: `${where} -> a signature names a version ${sig.instrument} never had` };
    for (const [d, head] of Object.entries(state.heads)) {
      const seat = head === null ? null : state.seats.find((s) => s.id === head);
      if (head !== null && (seat?.role !== "delegate" || seat.delegation !== d))
        return { ...report, failure: `${where} -> head of ${d} is not one of its delegates` };
    }
    for (const p of state.provisions)
      if (p.tags.some((t) => !tags.includes(t)) || new Set(p.tags).size !== p.tags.length)
        return {
          ...report,
          failure: `${where} -> provision ${p.id} carries unknown or repeated tags ${p.tags.join(",")}`,
        };
    for (const seat of state.seats) {
      if (seat.job !== undefined && (!(JOBS as readonly string[]).includes(seat.job) || seat.role !== "delegate"))
        return { ...report, failure: `${where} -> ${seat.role} ${seat.id} holds the job ${JSON.stringify(seat.job)}` };
      const duty = dutyOf(state, seat.id);
      const heads = seat.delegation ? state.heads[seat.delegation] : undefined;
      if (seat.role === "delegate" && seat.delegation && (duty === "head") !== (heads === seat.id))
        return {
          ...report,
          failure: `${where} -> ${seat.id}'s duty ${duty} disagrees with the head of ${seat.delegation}`,
        };
    }
    for (const decline of state.declines ?? []) {
      const instrument = state.instruments.find((i) => i.id === decline.instrument);
      if (!instrument || !isParty(instrument, decline.delegation))
        return {
          ...report,
          failure: `${where} -> ${decline.delegation} declined ${decline.instrument}, not its party`,
        };
      if (!frozenSeen.get(decline.instrument)?.has(decline.version))
        return { ...report, failure: `${where} -> a refusal names a version ${decline.instrument} never had` };
      // No refusal beside a signature that counts (signing takes refusals back), nor beside one of its own version.
      const signed = state.signatures.some(
        (g) =>
          g.instrument === decline.instrument &&
          g.delegation === decline.delegation &&
          (signatureCounts(state, g) || g.version === decline.version),
      );
      if (signed)
        return {
          ...report,
          failure: `${where} -> ${decline.delegation} both signed and declined to sign ${decline.instrument}`,
        };
    }
    const answered = new Set<string>();
    for (const r of state.reflections ?? []) {
      const seat = before.seats.find((x) => x.id === r.seat) ?? state.seats.find((x) => x.id === r.seat);
      if (r.question >= scenario.questions.length || r.text.trim() === "" || r.text.length > 600)
        return { ...report, failure: `${where} -> a stored answer is out of bounds: ${JSON.stringify(r)}` };
      if (answered.has(`${r.seat}/${r.question}`) || (seat && seat.role !== "delegate"))
        return { ...report, failure: `${where} -> ${r.seat} holds a second answer, or is no delegate` };
      answered.add(`${r.seat}/${r.question}`);
    }
    if ((state.reflections ?? []).length > 0)
      for (const a of [
        { kind: "observer" as const },
        ...delegationIds.map((delegation) => ({ kind: "delegation" as const, delegation })),
      ]) {
        // The class sees the answers only while the host shows them, and never who wrote which.
        const view = viewFor(state, a);
        const text = JSON.stringify(view);
        const shown = state.phase === "debrief" && state.reflectionsShown === true;
        if ("reflections" in view)
          return { ...report, failure: `${where} -> ${audienceKey(a)} gets the named answers` };
        if (!shown && state.reflections!.some((r) => r.text.startsWith("answer-") && text.includes(`"${r.text}"`)))
          return { ...report, failure: `${where} -> ${audienceKey(a)} reads an answer the host has not shown` };
        if (shown && JSON.stringify(view.shownReflections).includes('"seat"'))
          return { ...report, failure: `${where} -> the answers shown to ${audienceKey(a)} say whose they are` };
      }
    for (const e of result.events)
      for (const a of audiences()) {
        if (e.audience !== "all" && !e.audience.some((x) => audienceKey(x) === audienceKey(a))) continue;
        const leak = secretsLeak(a, JSON.stringify(e));
        if (leak) return { ...report, failure: `${where} -> the ${e.type} event tells: ${leak}` };
      }
    if (state.lesson?.adjourned && state.timer.state === "running")
      return { ...report, failure: `${where} -> a clock runs while the session is adjourned` };
    if (new Set(state.seats.map((s) => s.id)).size !== state.seats.length)
      return { ...report, failure: `${where} -> duplicate seat ids` };
    if (state.now < before.now) return { ...report, failure: `${where} -> the clock went backwards` };
    if (step % 15 === 0 || command.type === "say" || command.type.startsWith("phase") || command.type === "seat.move") {
      for (const a of audiences()) {
        const leak = secretsLeak(a);
        if (leak) return { ...report, failure: `${where} -> ${leak}` };
      }
    }
  }
  return report;
}
