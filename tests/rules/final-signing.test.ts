import { describe, expect, it } from "vitest";
import type { DecisionRule } from "../../shared/scenario.ts";
import type { SessionState } from "../../shared/state.ts";
import { isBracketed, signatureCounts, versionHash } from "../../shared/rules/index.ts";
import {
  HOST,
  SYSTEM,
  accepted,
  idOf,
  nextId,
  ok,
  refused,
  table,
  tableCard,
  toPhase,
  type Table,
} from "../fixtures/mini-scenario.ts";

/** In final text: the code holds sovereignty (objected to by the United States) and threat-data (agreed). */
function drafted(rule: DecisionRule = "consensus"): Table & { contested: string; agreed: string } {
  const t = table("negotiation", { decisionRule: rule });
  const a = tableCard(t.state, t.wei, "sovereignty");
  const b = tableCard(a.state, t.amy, "threat-data");
  let s = ok(b.state, t.amy, { type: "stance.set", provision: a.provision, stance: "objection" });
  s = ok(s, HOST, { type: "phase.next" });
  return { ...t, state: s, contested: a.provision, agreed: b.provision };
}
const prov = (s: SessionState, id: string) => s.provisions.find((p) => p.id === id)!;

describe("bracket.resolve", () => {
  it("drop: the bracketed provision is dropped", () => {
    const t = drafted();
    const s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" });
    expect(prov(s, t.contested)).toMatchObject({ status: "dropped", resolution: "dropped" });
  });
  it("vote: heads vote; it closes by itself when every seated party delegation has voted", () => {
    const t = drafted();
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "vote" });
    expect(prov(s, t.contested).vote).toEqual({ votes: {}, openedAt: s.now });
    refused(s, HOST, { type: "bracket.resolve", provision: t.contested, how: "vote" }, "VOTE_OPEN");
    expect(
      refused(s, t.lin, { type: "vote.cast", provision: t.contested, vote: "yes" }, "NOT_HEAD_OF_DELEGATION"),
    ).toContain("Ask Wei (head of China)");
    s = ok(s, t.wei, { type: "vote.cast", provision: t.contested, vote: "yes" });
    s = ok(s, t.ivan, { type: "vote.cast", provision: t.contested, vote: "yes" });
    expect(prov(s, t.contested).vote?.votes).toEqual({ china: "yes", russia: "yes" });
    const { state, events } = accepted(s, t.amy, { type: "vote.cast", provision: t.contested, vote: "abstain" });
    expect(prov(state, t.contested)).toMatchObject({ status: "tabled", vote: null, resolution: "kept-by-vote" });
    expect(isBracketed(prov(state, t.contested))).toBe(false);
    expect(events.map((e) => e.type)).toEqual(["vote.cast", "vote.kept"]);
  });
  it("vote.close by the host: a no under consensus drops the text", () => {
    const t = drafted();
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "vote" });
    s = ok(s, t.amy, { type: "vote.cast", provision: t.contested, vote: "no" });
    s = ok(s, HOST, { type: "vote.close", provision: t.contested });
    expect(prov(s, t.contested)).toMatchObject({ status: "dropped", resolution: "dropped-by-vote", vote: null });
    refused(s, HOST, { type: "vote.close", provision: t.contested }, "NO_VOTE_OPEN");
  });
  it("vote.close under majority keeps the text when yes outnumber no", () => {
    const t = drafted("majority");
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "vote" });
    s = ok(s, t.amy, { type: "vote.cast", provision: t.contested, vote: "no" });
    s = ok(s, t.wei, { type: "vote.cast", provision: t.contested, vote: "yes" });
    s = ok(s, t.ivan, { type: "vote.cast", provision: t.contested, vote: "yes" });
    expect(prov(s, t.contested)).toMatchObject({ resolution: "kept-by-vote", status: "tabled" });
  });
  it("refuses text that is not bracketed, closed, unknown, or frozen; and votes with none open", () => {
    const t = drafted();
    refused(t.state, HOST, { type: "bracket.resolve", provision: t.agreed, how: "drop" }, "NOT_BRACKETED");
    refused(t.state, HOST, { type: "bracket.resolve", provision: "p999", how: "drop" }, "UNKNOWN_PROVISION");
    refused(t.state, t.wei, { type: "vote.cast", provision: t.contested, vote: "yes" }, "NO_VOTE_OPEN");
    refused(t.state, HOST, { type: "vote.close", provision: "p999" }, "UNKNOWN_PROVISION");
    const dropped = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" });
    refused(dropped, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" }, "PROVISION_CLOSED");
    const frozen = ok(dropped, HOST, { type: "instrument.freeze", instrument: "code" });
    refused(frozen, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" }, "TEXT_FROZEN");
  });
  it("refuses a vote from a head whose delegation is not a party", () => {
    const t = table("negotiation");
    const agreement = nextId(t.state, "i");
    let s = ok(t.state, t.wei, { type: "instrument.open", title: "Pact", parties: ["russia"] });
    const { state, provision } = tableCard(s, t.wei, "sovereignty", agreement);
    s = ok(state, t.ivan, { type: "stance.set", provision, stance: "objection" });
    s = ok(ok(s, HOST, { type: "phase.next" }), HOST, { type: "bracket.resolve", provision, how: "vote" });
    refused(s, t.amy, { type: "vote.cast", provision, vote: "no" }, "NOT_A_PARTY");
  });
});

describe("instrument.freeze and unfreeze", () => {
  it("refuses open brackets (naming them), an open vote, pending amendments, an empty instrument, and freezing twice", () => {
    const t = drafted();
    expect(refused(t.state, HOST, { type: "instrument.freeze", instrument: "code" }, "OPEN_BRACKETS")).toContain(
      "State sovereignty",
    );
    const voting = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "vote" });
    expect(refused(voting, HOST, { type: "instrument.freeze", instrument: "code" }, "VOTE_OPEN")).toContain(
      "State sovereignty",
    );
    refused(t.state, HOST, { type: "instrument.freeze", instrument: "i999" }, "UNKNOWN_INSTRUMENT");
    const e = table("negotiation");
    const agreement = nextId(e.state, "i");
    const opened = toPhase(
      ok(e.state, e.wei, { type: "instrument.open", title: "Empty", parties: ["usa"] }),
      "final-text",
    );
    refused(opened, HOST, { type: "instrument.freeze", instrument: agreement }, "EMPTY_INSTRUMENT");
  });
  it("refuses to freeze with pending amendments (after going back to negotiation)", () => {
    const t = drafted();
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" });
    s = ok(s, HOST, { type: "phase.back" });
    s = ok(s, t.amy, {
      type: "amendment.propose",
      provision: t.agreed,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    // Back to final text would lapse it, so the pending amendment can only meet a freeze through a crafted state.
    const pending: SessionState = { ...s, phase: "final-text" };
    refused(pending, HOST, { type: "instrument.freeze", instrument: "code" }, "PENDING_AMENDMENTS");
  });
  it("freezes the tabled provisions in order under a version hash, and unfreezes", () => {
    const t = drafted();
    const s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" });
    const { state, events } = accepted(s, HOST, { type: "instrument.freeze", instrument: "code" });
    const texts = [
      {
        id: t.agreed,
        title: "Sharing threat data",
        text: "States share data on cyber threats.",
        card: "threat-data",
        tags: ["cooperation", "data-sharing"],
      },
    ];
    expect(state.instruments[0]?.frozen).toEqual({
      version: versionHash("Code of conduct", texts),
      at: state.now,
      provisions: texts,
    });
    expect(prov(state, t.agreed).status).toBe("adopted");
    expect(prov(state, t.contested).status).toBe("dropped");
    expect(events[0]).toMatchObject({ type: "instrument.freeze", version: versionHash("Code of conduct", texts) });
    refused(state, HOST, { type: "instrument.freeze", instrument: "code" }, "ALREADY_DONE");
    const thawed = ok(state, HOST, { type: "instrument.unfreeze", instrument: "code" });
    expect(thawed.instruments[0]?.frozen).toBeNull();
    expect(prov(thawed, t.agreed).status).toBe("tabled");
    refused(thawed, HOST, { type: "instrument.unfreeze", instrument: "code" }, "NOT_FROZEN");
    refused(thawed, HOST, { type: "instrument.unfreeze", instrument: "i999" }, "UNKNOWN_INSTRUMENT");
  });
});

describe("sign", () => {
  function frozenSigning() {
    const t = drafted();
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" });
    s = ok(s, HOST, { type: "instrument.freeze", instrument: "code" });
    s = ok(s, HOST, { type: "phase.next" });
    return { ...t, state: s, version: s.instruments[0]!.frozen!.version };
  }
  it("the head signs the frozen version; the signature names it", () => {
    const t = frozenSigning();
    const { state, events } = accepted(t.state, t.wei, { type: "sign", instrument: "code", version: t.version });
    expect(state.signatures).toEqual([
      { instrument: "code", delegation: "china", seat: idOf(t.wei), name: "Wei", version: t.version, at: state.now },
    ]);
    expect(signatureCounts(state, state.signatures[0]!)).toBe(true);
    expect(events[0]?.text).toBe("China signed “Code of conduct”.");
    refused(state, t.wei, { type: "sign", instrument: "code", version: t.version }, "ALREADY_SIGNED");
  });
  it("refuses a delegate who is not head, naming the head", () => {
    const t = frozenSigning();
    expect(
      refused(t.state, t.lin, { type: "sign", instrument: "code", version: t.version }, "NOT_HEAD_OF_DELEGATION"),
    ).toBe("Only the head of delegation can sign. Ask Wei (head of China) to sign.");
  });
  it("refuses unknown instruments, non-parties, unfrozen text and another version", () => {
    const t = table("negotiation");
    const agreement = nextId(t.state, "i");
    let s = ok(t.state, t.wei, { type: "instrument.open", title: "Pact", parties: ["russia"] });
    s = tableCard(s, t.wei, "sovereignty", agreement).state;
    s = ok(s, HOST, { type: "phase.next" });
    s = ok(s, HOST, { type: "instrument.freeze", instrument: agreement });
    s = ok(s, HOST, { type: "phase.next" });
    const version = s.instruments[1]!.frozen!.version;
    refused(s, t.wei, { type: "sign", instrument: "i999", version }, "UNKNOWN_INSTRUMENT");
    refused(s, t.amy, { type: "sign", instrument: agreement, version }, "NOT_A_PARTY");
    refused(s, t.wei, { type: "sign", instrument: "code", version }, "NOT_FROZEN");
    refused(s, t.wei, { type: "sign", instrument: agreement, version: "0".repeat(64) }, "VERSION_MISMATCH");
    ok(s, t.ivan, { type: "sign", instrument: agreement, version });
  });
  it("a signature stops counting once the text is unfrozen and changed", () => {
    const t = frozenSigning();
    let s = ok(t.state, t.wei, { type: "sign", instrument: "code", version: t.version });
    s = toPhase(s, "final-text");
    s = ok(s, HOST, { type: "instrument.unfreeze", instrument: "code" });
    expect(signatureCounts(s, s.signatures[0]!)).toBe(false);
    s = ok(s, HOST, { type: "phase.back" });
    s = ok(s, t.amy, {
      type: "amendment.propose",
      provision: t.agreed,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    s = ok(
      s,
      HOST,
      { type: "amendment.close", amendment: s.amendments.at(-1)!.id },
      { now: s.amendments.at(-1)!.deadline! },
    );
    s = ok(ok(s, HOST, { type: "phase.next" }), HOST, { type: "instrument.freeze", instrument: "code" });
    expect(s.instruments[0]?.frozen?.version).not.toBe(t.version);
    expect(s.signatures).toHaveLength(1);
    expect(signatureCounts(s, s.signatures[0]!)).toBe(false);
    s = ok(s, HOST, { type: "phase.next" });
    refused(s, t.wei, { type: "sign", instrument: "code", version: t.version }, "VERSION_MISMATCH");
    s = ok(s, t.wei, { type: "sign", instrument: "code", version: s.instruments[0]!.frozen!.version });
    expect(s.signatures.filter((x) => signatureCounts(s, x))).toHaveLength(1);
  });
  it("the deadline of final text does not sign or freeze anything", () => {
    const t = drafted();
    if (t.state.timer.state !== "running") throw new Error("timer should run");
    const s = ok(t.state, SYSTEM, { type: "timer.deadline" }, { now: t.state.timer.endsAt });
    expect([s.phase, s.instruments[0]?.frozen, s.signatures]).toEqual(["final-text", null, []]);
  });
});

describe("what a signature covers: text, tags and which provisions", () => {
  function signed() {
    const t = drafted();
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" });
    s = ok(s, HOST, { type: "instrument.freeze", instrument: "code" });
    s = ok(s, HOST, { type: "phase.next" });
    s = ok(s, t.wei, { type: "sign", instrument: "code", version: s.instruments[0]!.frozen!.version });
    s = ok(s, t.amy, { type: "sign", instrument: "code", version: s.instruments[0]!.frozen!.version });
    return { ...t, state: s, version: s.instruments[0]!.frozen!.version };
  }

  it("voids the signatures when a provision is swapped for the same words with other tags", () => {
    // Before: the version hashed titles and texts only, so the swap revived the old signatures.
    const t = signed();
    let s = toPhase(t.state, "final-text");
    s = ok(s, HOST, { type: "instrument.unfreeze", instrument: "code" });
    s = ok(s, HOST, { type: "phase.back" });
    s = ok(s, t.amy, { type: "provision.withdraw", provision: t.agreed });
    s = ok(s, t.amy, {
      type: "provision.draft",
      instrument: "code",
      title: "Sharing threat data",
      text: "States share data on cyber threats.",
      tags: [],
    });
    s = ok(ok(s, HOST, { type: "phase.next" }), HOST, { type: "instrument.freeze", instrument: "code" });
    expect(s.instruments[0]!.frozen!.provisions.map((p) => [p.title, p.text])).toEqual([
      ["Sharing threat data", "States share data on cyber threats."],
    ]);
    expect(s.instruments[0]!.frozen!.version).not.toBe(t.version);
    expect(s.signatures.filter((x) => signatureCounts(s, x))).toEqual([]);
  });

  it("lets the host, as judge, re-tag a provision in Final text: logged, and a new version to sign", () => {
    const t = drafted();
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "drop" });
    const before = versionHash("Code of conduct", [
      { ...prov(s, t.agreed), text: "States share data on cyber threats." },
    ]);
    refused(s, t.amy, { type: "provision.retag", provision: t.agreed, tags: ["content"] }, "NOT_HOST");
    refused(s, HOST, { type: "provision.retag", provision: t.agreed, tags: ["no-such-tag"] }, "BAD_MESSAGE");
    refused(
      s,
      HOST,
      { type: "provision.retag", provision: t.agreed, tags: ["data-sharing", "cooperation"] },
      "NO_CHANGE",
    );
    const r = accepted(s, HOST, { type: "provision.retag", provision: t.agreed, tags: ["cooperation"] });
    s = r.state;
    expect(prov(s, t.agreed).tags).toEqual(["cooperation"]);
    expect(r.events[0]).toMatchObject({
      type: "provision.retag",
      audience: "all",
      text: "The host, as judge, re-tagged “Sharing threat data”: it now counts for cooperation (was cooperation, data-sharing).",
    });
    expect(s.timeline.at(-1)).toMatchObject({ kind: "provision.retag", provision: t.agreed });
    s = ok(s, HOST, { type: "instrument.freeze", instrument: "code" });
    expect(s.instruments[0]!.frozen!.version).not.toBe(before);
    refused(s, HOST, { type: "provision.retag", provision: t.agreed, tags: [] }, "TEXT_FROZEN");
    refused(toPhase(s, "negotiation"), HOST, { type: "provision.retag", provision: t.agreed, tags: [] }, "WRONG_PHASE");
  });
});

describe("Final text procedure", () => {
  it("lets a delegation object, and so bracket, a provision tabled in the last minutes of Negotiation", () => {
    // Before: stances were closed in Final text, so a card tabled at the last minute went through unopposed.
    const t = table("negotiation");
    const early = tableCard(t.state, t.amy, "threat-data");
    // Sovereignty is tabled 10 minutes after threat data, a moment before Final text.
    let s = ok(
      early.state,
      t.wei,
      { type: "provision.table", instrument: "code", card: "sovereignty" },
      { now: early.state.now + 10 * 60_000 },
    );
    s = ok(s, HOST, { type: "phase.next" });
    const sovereignty = s.provisions.find((p) => p.card === "sovereignty")!.id;
    const r = accepted(s, t.amy, { type: "stance.set", provision: sovereignty, stance: "objection" });
    expect(isBracketed(prov(r.state, sovereignty))).toBe(true);
    expect(
      refused(s, t.ivan, { type: "stance.set", provision: early.provision, stance: "objection" }, "WRONG_PHASE"),
    ).toBe(
      "“Sharing threat data” was on the table well before Final text: objections to it had to be made during Negotiation.",
    );
    refused(s, t.amy, { type: "stance.set", provision: sovereignty, stance: "support" }, "WRONG_PHASE");
  });

  it("refuses to withdraw a provision the heads voted to keep", () => {
    // Before: its proposer could withdraw it after the vote kept it.
    const t = drafted();
    let s = ok(t.state, HOST, { type: "bracket.resolve", provision: t.contested, how: "vote" });
    s = ok(s, t.wei, { type: "vote.cast", provision: t.contested, vote: "yes" });
    s = ok(s, t.ivan, { type: "vote.cast", provision: t.contested, vote: "yes" });
    s = ok(s, t.amy, { type: "vote.cast", provision: t.contested, vote: "abstain" });
    expect(prov(s, t.contested).resolution).toBe("kept-by-vote");
    expect(refused(s, t.wei, { type: "provision.withdraw", provision: t.contested }, "PROVISION_CLOSED")).toBe(
      "The heads of delegation voted to keep “State sovereignty”, so it can no longer be withdrawn.",
    );
  });
});
