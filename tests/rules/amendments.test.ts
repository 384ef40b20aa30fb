import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits.ts";
import type { DecisionRule } from "../../shared/scenario.ts";
import type { SessionState } from "../../shared/state.ts";
import { currentText } from "../../shared/rules/index.ts";
import { CONSENSUS_SILENCE_MS } from "../../shared/rules/amendments.ts";
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
  type Table,
} from "../fixtures/mini-scenario.ts";

// "States share data on cyber threats." : 6 words, tabled by China.
function threatData(rule: DecisionRule = "consensus"): Table & { provision: string } {
  const t = table("negotiation", { decisionRule: rule });
  const { state, provision } = tableCard(t.state, t.wei, "threat-data");
  return { ...t, state, provision };
}
const text = (s: SessionState, id: string) => currentText(s.provisions.find((p) => p.id === id)!);
const amendmentOf = (s: SessionState, id: string) => s.amendments.find((a) => a.id === id)!;

describe("amendment.propose", () => {
  it("records a pending amendment with the proposer's yes", () => {
    const t = threatData();
    const id = nextId(t.state, "a");
    const { state, events } = accepted(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "replace", from: 1, to: 2, text: "must share" },
      note: " clearer ",
    });
    expect(amendmentOf(state, id)).toEqual({
      id,
      provision: t.provision,
      by: "usa",
      seat: "s5",
      baseVersion: 1,
      edit: { kind: "replace", from: 1, to: 2, text: "must share" },
      note: "clearer",
      proposedAt: state.now,
      votes: { usa: "yes" },
      castBy: { usa: { seat: "s5", name: "Amy" } },
      tags: ["cooperation", "data-sharing"],
      // Consensus: silence counts as consent only after a deadline everyone sees.
      deadline: state.now + CONSENSUS_SILENCE_MS,
      status: "pending",
      decidedAt: null,
    });
    expect(events[0]?.type).toBe("amendment.propose");
    expect(state.timeline.at(-1)).toMatchObject({ kind: "amendment.propose", provision: t.provision, version: 1 });
  });
  it("refuses stale versions, edits outside the words, no change, empty or too long results, and too many pending", () => {
    const t = threatData();
    const p = t.provision;
    expect(
      refused(
        t.state,
        t.amy,
        { type: "amendment.propose", provision: p, baseVersion: 2, edit: { kind: "insert", at: 0, text: "x" } },
        "STALE_VERSION",
      ),
    ).toMatch(/reload/i);
    refused(
      t.state,
      t.amy,
      { type: "amendment.propose", provision: p, baseVersion: 1, edit: { kind: "insert", at: 7, text: "x" } },
      "BAD_EDIT",
    );
    refused(
      t.state,
      t.amy,
      { type: "amendment.propose", provision: p, baseVersion: 1, edit: { kind: "delete", from: 5, to: 7 } },
      "BAD_EDIT",
    );
    refused(
      t.state,
      t.amy,
      { type: "amendment.propose", provision: p, baseVersion: 1, edit: { kind: "replace", from: 3, to: 3, text: "x" } },
      "BAD_EDIT",
    );
    refused(
      t.state,
      t.amy,
      {
        type: "amendment.propose",
        provision: p,
        baseVersion: 1,
        edit: { kind: "replace", from: 1, to: 2, text: "share" },
      },
      "NO_CHANGE",
    );
    refused(
      t.state,
      t.amy,
      { type: "amendment.propose", provision: p, baseVersion: 1, edit: { kind: "delete", from: 0, to: 6 } },
      "BAD_EDIT",
    );
    refused(
      t.state,
      t.amy,
      {
        type: "amendment.propose",
        provision: p,
        baseVersion: 1,
        edit: { kind: "insert", at: 6, text: "x ".repeat(1000).trim() },
      },
      "BAD_EDIT",
    );
    let s = t.state;
    for (let i = 0; i < LIMITS.pendingAmendmentsPerProvision; i++)
      s = ok(s, t.amy, {
        type: "amendment.propose",
        provision: p,
        baseVersion: 1,
        edit: { kind: "insert", at: 6, text: `clause${i}` },
      });
    refused(
      s,
      t.ivan,
      { type: "amendment.propose", provision: p, baseVersion: 1, edit: { kind: "insert", at: 0, text: "All" } },
      "TOO_MANY",
    );
  });
  it("refuses unknown or closed provisions and non-parties", () => {
    const t = threatData();
    refused(
      t.state,
      t.amy,
      { type: "amendment.propose", provision: "p999", baseVersion: 1, edit: { kind: "insert", at: 0, text: "x" } },
      "UNKNOWN_PROVISION",
    );
    const withdrawn = ok(t.state, t.wei, { type: "provision.withdraw", provision: t.provision });
    refused(
      withdrawn,
      t.amy,
      { type: "amendment.propose", provision: t.provision, baseVersion: 1, edit: { kind: "insert", at: 0, text: "x" } },
      "PROVISION_CLOSED",
    );
    const agreement = nextId(t.state, "i");
    const opened = ok(t.state, t.wei, { type: "instrument.open", title: "Pact", parties: ["russia"] });
    const tabled = tableCard(opened, t.ivan, "sovereignty", agreement);
    refused(
      tabled.state,
      t.amy,
      {
        type: "amendment.propose",
        provision: tabled.provision,
        baseVersion: 1,
        edit: { kind: "insert", at: 0, text: "x" },
      },
      "NOT_A_PARTY",
    );
  });
});

describe("amendment.vote and deciding", () => {
  it("decides at once when every seated party delegation has voted, keeping authorship per word", () => {
    const t = threatData();
    const id = nextId(t.state, "a");
    let s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "replace", from: 1, to: 2, text: "must openly share" },
    });
    s = ok(s, t.lin, { type: "amendment.vote", amendment: id, vote: "yes" });
    expect(amendmentOf(s, id).status).toBe("pending");
    const { state, events } = accepted(s, t.ivan, { type: "amendment.vote", amendment: id, vote: "abstain" });
    expect(amendmentOf(state, id)).toMatchObject({ status: "adopted", decidedAt: state.now });
    const p = state.provisions[0]!;
    expect(p.versions[1]).toEqual({
      version: 2,
      text: "States must openly share data on cyber threats.",
      authors: ["china", "usa", "usa", "usa", "china", "china", "china", "china"],
      at: state.now,
      by: "usa",
      cause: "amendment",
      amendment: id,
      tags: ["cooperation", "data-sharing"],
    });
    expect(p.versions[0]?.text).toBe("States share data on cyber threats.");
    expect(events.map((e) => e.type)).toEqual(["amendment.vote", "amendment.adopted"]);
    expect(state.timeline.at(-1)).toMatchObject({ kind: "amendment.adopted", version: 2, provision: t.provision });
  });
  it("takes one vote per delegation: any member casts it, only the head changes it, everyone sees who cast it", () => {
    // Before: any member overrode the head's vote ("the last vote wins").
    const t = threatData();
    const id = nextId(t.state, "a");
    let s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    const cast = accepted(s, t.lin, { type: "amendment.vote", amendment: id, vote: "no" });
    s = cast.state;
    expect(amendmentOf(s, id).castBy.china).toEqual({ seat: idOf(t.lin), name: "Lin" });
    expect(cast.events[0]).toMatchObject({
      text: "Lin voted no for China on an amendment to “Sharing threat data”.",
      audience: "all",
    });
    // Lin is not the head: the vote stands until Wei, the head, changes it.
    expect(refused(s, t.lin, { type: "amendment.vote", amendment: id, vote: "yes" }, "NOT_HEAD_OF_DELEGATION")).toBe(
      "Lin already cast China's vote (no). Only Wei (head of China) can change it.",
    );
    s = ok(s, t.wei, { type: "amendment.vote", amendment: id, vote: "abstain" });
    expect(amendmentOf(s, id)).toMatchObject({
      votes: { usa: "yes", china: "abstain" },
      castBy: { china: { name: "Wei" } },
    });
    refused(s, t.wei, { type: "amendment.vote", amendment: id, vote: "abstain" }, "ALREADY_DONE");
  });
  it("applies each decision rule", () => {
    // Russia proposes (yes); China and the United States vote as given.
    const outcome = (rule: DecisionRule, china: "yes" | "no" | "abstain", usa: "yes" | "no" | "abstain") => {
      const t = threatData(rule);
      const id = nextId(t.state, "a");
      let s = ok(t.state, t.ivan, {
        type: "amendment.propose",
        provision: t.provision,
        baseVersion: 1,
        edit: { kind: "insert", at: 0, text: "All" },
      });
      s = ok(s, t.wei, { type: "amendment.vote", amendment: id, vote: china });
      s = ok(s, t.amy, { type: "amendment.vote", amendment: id, vote: usa });
      return amendmentOf(s, id).status;
    };
    expect(outcome("consensus", "yes", "abstain")).toBe("adopted");
    expect(outcome("consensus", "yes", "no")).toBe("rejected");
    expect(outcome("majority", "yes", "no")).toBe("adopted");
    expect(outcome("majority", "no", "abstain")).toBe("rejected"); // 1 yes, 1 no
    expect(outcome("two-thirds", "yes", "no")).toBe("adopted"); // 2 yes >= 2 x 1 no
    expect(outcome("two-thirds", "no", "abstain")).toBe("rejected");
    expect(outcome("two-thirds", "abstain", "abstain")).toBe("adopted");
  });
  it("a rejected amendment leaves the text as it was", () => {
    const t = threatData();
    const id = nextId(t.state, "a");
    let s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    s = ok(s, t.wei, { type: "amendment.vote", amendment: id, vote: "no" });
    s = ok(s, t.ivan, { type: "amendment.vote", amendment: id, vote: "yes" });
    expect(amendmentOf(s, id).status).toBe("rejected");
    expect(s.provisions[0]?.versions).toHaveLength(1);
    refused(s, t.ivan, { type: "amendment.vote", amendment: id, vote: "no" }, "AMENDMENT_CLOSED");
    refused(s, t.ivan, { type: "amendment.vote", amendment: "a999", vote: "no" }, "UNKNOWN_AMENDMENT");
  });
  it("rebases other pending amendments that do not overlap, and lapses those that do", () => {
    const t = threatData();
    const first = nextId(t.state, "a");
    let s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "replace", from: 1, to: 2, text: "must openly share" },
    });
    const after = nextId(s, "a");
    s = ok(s, t.ivan, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "replace", from: 4, to: 6, text: "online threats." },
    });
    const overlapping = nextId(s, "a");
    s = ok(s, t.ivan, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "delete", from: 0, to: 2 },
    });
    const before = nextId(s, "a");
    s = ok(s, t.lin, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    s = ok(s, HOST, { type: "amendment.close", amendment: first }, { now: s.now + CONSENSUS_SILENCE_MS });
    expect(amendmentOf(s, first).status).toBe("adopted");
    expect(amendmentOf(s, after)).toMatchObject({
      status: "pending",
      baseVersion: 2,
      edit: { kind: "replace", from: 6, to: 8, text: "online threats." },
    });
    expect(amendmentOf(s, overlapping)).toMatchObject({ status: "lapsed", decidedAt: s.now });
    expect(amendmentOf(s, before)).toMatchObject({
      status: "pending",
      baseVersion: 2,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    s = ok(s, HOST, { type: "amendment.close", amendment: after });
    expect(text(s, t.provision)).toBe("States must openly share data on online threats.");
    expect(s.provisions[0]?.versions.at(-1)?.authors).toEqual([
      "china",
      "usa",
      "usa",
      "usa",
      "china",
      "china",
      "russia",
      "russia",
    ]);
  });
  it("under consensus, a host close before the visible deadline does not count silence as consent", () => {
    // Before: the proposer's yes and a host close adopted it "by consensus".
    const t = threatData();
    const id = nextId(t.state, "a");
    const s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    const deadline = amendmentOf(s, id).deadline!;
    const early = accepted(s, HOST, { type: "amendment.close", amendment: id }, { now: deadline - 1000 });
    expect(amendmentOf(early.state, id).status).toBe("rejected");
    expect(early.events[0]?.text).toBe(
      "United States's amendment to “Sharing threat data” was rejected (China, Russia had not agreed and the deadline for silent consent had not passed).",
    );
    expect(text(early.state, t.provision)).toBe("States share data on cyber threats.");
    // After the deadline, silence is consent.
    const closed = ok(s, HOST, { type: "amendment.close", amendment: id }, { now: deadline });
    expect(amendmentOf(closed, id).status).toBe("adopted");
    expect(text(closed, t.provision)).toBe("All States share data on cyber threats.");
    refused(closed, HOST, { type: "amendment.close", amendment: id }, "AMENDMENT_CLOSED");
    refused(closed, HOST, { type: "amendment.close", amendment: "a999" }, "UNKNOWN_AMENDMENT");
  });
  it("under consensus, the first action after the deadline settles an amendment nobody objected to", () => {
    const t = threatData();
    const id = nextId(t.state, "a");
    let s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    s = ok(s, t.lin, { type: "amendment.vote", amendment: id, vote: "yes" }, { now: amendmentOf(s, id).deadline! + 1 });
    expect(amendmentOf(s, id).status).toBe("adopted");
  });
  it("under consensus, the server's clock settles it at the deadline with nobody acting: adopted by silence, rejected by an objection", () => {
    const t = threatData();
    const propose = (s: SessionState, at: number) =>
      ok(s, t.amy, {
        type: "amendment.propose",
        provision: t.provision,
        baseVersion: 1,
        edit: { kind: "insert", at, text: "All" },
      });
    const first = nextId(t.state, "a");
    let s = propose(t.state, 0);
    const second = nextId(s, "a");
    s = propose(s, 1);
    s = ok(s, t.wei, { type: "amendment.vote", amendment: second, vote: "no" });
    const earliest = amendmentOf(s, first).deadline!;
    const deadline = amendmentOf(s, second).deadline!;
    // Before the deadline the server's action is refused and changes nothing.
    refused(s, SYSTEM, { type: "amendment.consent" }, "DEADLINE_NOT_REACHED", { now: earliest - 1 });
    expect(amendmentOf(s, first).status).toBe("pending");
    const settled = accepted(s, SYSTEM, { type: "amendment.consent" }, { now: deadline });
    expect(amendmentOf(settled.state, first).status).toBe("adopted");
    expect(amendmentOf(settled.state, second).status).toBe("rejected");
    expect(settled.events.map((e) => e.type)).toEqual(["amendment.adopted", "amendment.rejected"]);
    // Nothing is left to settle.
    refused(settled.state, SYSTEM, { type: "amendment.consent" }, "DEADLINE_NOT_REACHED", { now: deadline + 1 });
    // A student cannot send it.
    refused(s, t.amy, { type: "amendment.consent" } as never, "BAD_MESSAGE", { now: deadline });
  });
  it("under majority, the host's close counts missing votes as abstentions, with no deadline", () => {
    const t = threatData("majority");
    const id = nextId(t.state, "a");
    const s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    expect(amendmentOf(s, id).deadline).toBeNull();
    expect(amendmentOf(ok(s, HOST, { type: "amendment.close", amendment: id }), id).status).toBe("adopted");
  });
  it("states the tags of its new text, checked against the scenario, and decided with it", () => {
    const t = threatData();
    const id = nextId(t.state, "a");
    refused(
      t.state,
      t.amy,
      {
        type: "amendment.propose",
        provision: t.provision,
        baseVersion: 1,
        edit: { kind: "insert", at: 0, text: "All" },
        tags: ["made-up"],
      },
      "BAD_MESSAGE",
    );
    let s = ok(t.state, t.amy, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "replace", from: 0, to: 6, text: "Each state decides which information enters its cyberspace." },
      tags: ["control", "content"],
    });
    expect(amendmentOf(s, id).tags).toEqual(["control", "content"]);
    s = ok(s, t.wei, { type: "amendment.vote", amendment: id, vote: "yes" });
    s = ok(s, t.ivan, { type: "amendment.vote", amendment: id, vote: "yes" });
    const p = s.provisions.find((x) => x.id === t.provision)!;
    expect(p.tags).toEqual(["control", "content"]);
    expect(p.versions.at(-1)?.tags).toEqual(["control", "content"]);
  });
});

describe("amendment.withdraw", () => {
  it("lets the proposing delegation withdraw a pending amendment, and nobody else", () => {
    const t = threatData();
    const id = nextId(t.state, "a");
    const s = ok(t.state, t.wei, {
      type: "amendment.propose",
      provision: t.provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    expect(refused(s, t.amy, { type: "amendment.withdraw", amendment: id }, "NOT_PROPOSER")).toContain("China");
    const w = ok(s, t.lin, { type: "amendment.withdraw", amendment: id });
    expect(amendmentOf(w, id)).toMatchObject({ status: "withdrawn", decidedAt: w.now });
    refused(w, t.wei, { type: "amendment.withdraw", amendment: id }, "AMENDMENT_CLOSED");
    refused(w, t.wei, { type: "amendment.withdraw", amendment: "a999" }, "UNKNOWN_AMENDMENT");
  });
});
