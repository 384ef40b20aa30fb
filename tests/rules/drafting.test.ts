import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits.ts";
import { isBracketed } from "../../shared/rules/index.ts";
import { HOST, accepted, nextId, ok, refused, table, tableCard } from "../fixtures/mini-scenario.ts";

describe("instrument.open", () => {
  it("opens an agreement among the delegate's delegation and the others named", () => {
    const t = table("negotiation");
    const id = nextId(t.state, "i");
    const { state, events } = accepted(t.state, t.ivan, {
      type: "instrument.open",
      title: "  Moscow agreement ",
      parties: ["china", "russia", "china"],
    });
    expect(state.instruments[1]).toEqual({
      id,
      kind: "agreement",
      title: "Moscow agreement",
      parties: ["china", "russia"],
      openedBy: "russia",
      provisions: [],
      frozen: null,
    });
    expect(events[0]?.text).toBe("Russia opened a new agreement: “Moscow agreement” (China, Russia).");
  });
  it("refuses only its own delegation, unknown delegations, and too many instruments", () => {
    const t = table("negotiation");
    refused(t.state, t.ivan, { type: "instrument.open", title: "Alone", parties: ["russia"] }, "SAME_DELEGATION");
    refused(
      t.state,
      t.ivan,
      { type: "instrument.open", title: "Atlantis", parties: ["atlantis"] },
      "UNKNOWN_DELEGATION",
    );
    let s = t.state;
    while (s.instruments.length < LIMITS.instrumentsPerSession)
      s = ok(s, t.ivan, { type: "instrument.open", title: "More", parties: ["usa"] });
    refused(s, t.ivan, { type: "instrument.open", title: "One more", parties: ["usa"] }, "TOO_MANY");
  });
});

describe("provision.table", () => {
  it("tables a card as version 1 with the tabler as sponsor and author of every word", () => {
    const t = table("negotiation");
    const { state, provision } = tableCard(t.state, t.lin, "sovereignty");
    const p = state.provisions[0]!;
    expect(p).toEqual({
      id: provision,
      instrument: "code",
      card: "sovereignty",
      title: "State sovereignty",
      tags: ["sovereignty", "control"],
      tabledBy: "china",
      tabledAt: state.now,
      status: "tabled",
      stances: { china: "sponsor" },
      versions: [
        {
          version: 1,
          text: "Each state governs its own cyberspace.",
          authors: ["china", "china", "china", "china", "china", "china"],
          at: state.now,
          by: "china",
          cause: "tabled",
        },
      ],
      flags: [],
      vote: null,
      resolution: null,
    });
    expect(state.instruments[0]?.provisions).toEqual([provision]);
    expect(state.timeline.at(-1)).toMatchObject({
      kind: "provision.table",
      provision,
      version: 1,
      delegation: "china",
    });
  });
  it("flags a card with news already released about it", () => {
    const t = table("negotiation");
    const s = ok(t.state, HOST, { type: "inject.release", inject: "moscow-deal" });
    expect(tableCard(s, t.wei, "info-control").state.provisions[0]?.flags).toEqual(["moscow-deal"]);
  });
  it("refuses unknown instruments and cards, non-parties, frozen text, a card already on the table, and too many", () => {
    const t = table("negotiation");
    const agreement = nextId(t.state, "i");
    const s = ok(t.state, t.wei, { type: "instrument.open", title: "Bilateral", parties: ["russia"] });
    refused(s, t.wei, { type: "provision.table", instrument: "i999", card: "sovereignty" }, "UNKNOWN_INSTRUMENT");
    refused(s, t.amy, { type: "provision.table", instrument: agreement, card: "sovereignty" }, "NOT_A_PARTY");
    refused(s, t.wei, { type: "provision.table", instrument: "code", card: "no-such-card" }, "UNKNOWN_CARD");
    const tabled = tableCard(s, t.wei, "sovereignty");
    expect(
      refused(
        tabled.state,
        t.amy,
        { type: "provision.table", instrument: "code", card: "sovereignty" },
        "CARD_ALREADY_TABLED",
      ),
    ).toContain("State sovereignty");
    // the same card on another instrument is fine, and again once withdrawn
    ok(tabled.state, t.ivan, { type: "provision.table", instrument: agreement, card: "sovereignty" });
    const withdrawn = ok(tabled.state, t.wei, { type: "provision.withdraw", provision: tabled.provision });
    ok(withdrawn, t.amy, { type: "provision.table", instrument: "code", card: "sovereignty" });
    let many = s;
    while (many.instruments[0]!.provisions.length < LIMITS.provisionsPerInstrument)
      many = ok(many, t.amy, {
        type: "provision.draft",
        instrument: "code",
        title: "Filler",
        text: "Some words.",
        tags: [],
      });
    refused(many, t.amy, { type: "provision.table", instrument: "code", card: "free-flow" }, "TOO_MANY");
    refused(
      many,
      t.amy,
      { type: "provision.draft", instrument: "code", title: "Filler", text: "More.", tags: [] },
      "TOO_MANY",
    );
  });
});

describe("provision.draft", () => {
  it("tables free text with the scenario's tags, normalising spaces", () => {
    const t = table("negotiation");
    const s = ok(t.state, t.amy, {
      type: "provision.draft",
      instrument: "code",
      title: "Open markets",
      text: "Trade  in\nIT goods is free.",
      tags: ["free-flow", "free-flow"],
    });
    expect(s.provisions[0]).toMatchObject({ card: null, title: "Open markets", tags: ["free-flow"], tabledBy: "usa" });
    expect(s.provisions[0]?.versions[0]).toMatchObject({
      text: "Trade in IT goods is free.",
      authors: ["usa", "usa", "usa", "usa", "usa", "usa"],
    });
  });
  it("refuses a tag no card uses, naming it", () => {
    const t = table("negotiation");
    expect(
      refused(
        t.state,
        t.amy,
        { type: "provision.draft", instrument: "code", title: "X", text: "Y.", tags: ["moon-base"] },
        "BAD_MESSAGE",
      ),
    ).toContain("moon-base");
  });
});

describe("provision.withdraw", () => {
  it("withdraws a tabled provision and its pending amendments", () => {
    const t = table("negotiation");
    const { state, provision } = tableCard(t.state, t.wei, "sovereignty");
    const s = ok(state, t.amy, {
      type: "amendment.propose",
      provision,
      baseVersion: 1,
      edit: { kind: "delete", from: 0, to: 1 },
    });
    const w = ok(s, t.lin, { type: "provision.withdraw", provision });
    expect(w.provisions[0]?.status).toBe("withdrawn");
    expect(w.amendments[0]).toMatchObject({ status: "withdrawn", decidedAt: w.now });
    refused(w, t.wei, { type: "provision.withdraw", provision }, "PROVISION_CLOSED");
  });
  it("refuses another delegation, unknown provisions and frozen text", () => {
    const t = table("negotiation");
    const { state, provision } = tableCard(t.state, t.wei, "sovereignty");
    expect(refused(state, t.amy, { type: "provision.withdraw", provision }, "NOT_PROPOSER")).toContain("China");
    refused(state, t.amy, { type: "provision.withdraw", provision: "p999" }, "UNKNOWN_PROVISION");
    const frozen = ok(ok(state, HOST, { type: "phase.next" }), HOST, { type: "instrument.freeze", instrument: "code" });
    refused(frozen, t.wei, { type: "provision.withdraw", provision }, "TEXT_FROZEN");
  });
});

describe("stance.set and brackets", () => {
  it("records, changes and clears a stance; an objection brackets the text", () => {
    const t = table("negotiation");
    const { state, provision } = tableCard(t.state, t.wei, "sovereignty");
    expect(isBracketed(state.provisions[0]!)).toBe(false);
    const objected = ok(state, t.amy, { type: "stance.set", provision, stance: "objection" });
    expect(objected.provisions[0]?.stances).toEqual({ china: "sponsor", usa: "objection" });
    expect(isBracketed(objected.provisions[0]!)).toBe(true);
    expect(objected.timeline.at(-1)?.text).toBe("United States objects to “State sovereignty”");
    const cleared = ok(objected, t.amy, { type: "stance.set", provision, stance: null });
    expect(cleared.provisions[0]?.stances).toEqual({ china: "sponsor" });
    expect(isBracketed(cleared.provisions[0]!)).toBe(false);
  });
  it("brackets under every decision rule", () => {
    for (const rule of ["majority", "two-thirds"] as const) {
      const t = table("negotiation", { decisionRule: rule });
      const { state, provision } = tableCard(t.state, t.wei, "sovereignty");
      const objected = ok(state, t.amy, { type: "stance.set", provision, stance: "objection" });
      expect(isBracketed(objected.provisions[0]!)).toBe(true);
    }
  });
  it("refuses an unchanged stance, a closed provision, a non-party and an unknown provision", () => {
    const t = table("negotiation");
    const agreement = nextId(t.state, "i");
    const opened = ok(t.state, t.wei, { type: "instrument.open", title: "Bilateral", parties: ["russia"] });
    const { state, provision } = tableCard(opened, t.wei, "sovereignty", agreement);
    refused(state, t.lin, { type: "stance.set", provision, stance: "sponsor" }, "ALREADY_DONE");
    refused(state, t.amy, { type: "stance.set", provision, stance: "support" }, "NOT_A_PARTY");
    refused(state, t.ivan, { type: "stance.set", provision: "p999", stance: "support" }, "UNKNOWN_PROVISION");
    const withdrawn = ok(state, t.wei, { type: "provision.withdraw", provision });
    refused(withdrawn, t.ivan, { type: "stance.set", provision, stance: "support" }, "PROVISION_CLOSED");
  });
});
