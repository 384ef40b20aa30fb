// The chain of checks every command passes: ended, actor kind, seat, role, phase.
import { describe, expect, it } from "vitest";
import { PHASES } from "../../shared/scenario.ts";
import { CLIENT_ACTION_TYPES, type ClientAction } from "../../shared/protocol.ts";
import { PHASE_ACTIONS, canAct, applyAction, viewFor } from "../../shared/rules/index.ts";
import { HOST, SYSTEM, fresh, idOf, ok, refused, seat, table } from "../fixtures/mini-scenario.ts";

describe("the phase table", () => {
  it("allows exactly the documented delegate actions per phase", () => {
    expect(PHASE_ACTIONS).toEqual({
      briefing: ["say"],
      opening: ["say"],
      negotiation: [
        "instrument.open",
        "provision.table",
        "provision.draft",
        "provision.withdraw",
        "stance.set",
        "amendment.propose",
        "amendment.withdraw",
        "amendment.vote",
        "channel.open",
        "say",
      ],
      "final-text": ["provision.withdraw", "stance.set", "vote.cast", "say"],
      signing: ["sign", "sign.decline", "say"],
      debrief: ["say", "reflection.answer"],
    });
  });
  it("refuses a delegate action outside its phase, naming where it is allowed", () => {
    for (const phase of PHASES) {
      const t = table(phase);
      if (PHASE_ACTIONS[phase].includes("provision.table")) continue;
      const message = refused(
        t.state,
        t.wei,
        { type: "provision.table", instrument: "code", card: "sovereignty" },
        "WRONG_PHASE",
      );
      expect(message).toContain("Negotiation");
    }
    const signing = table("negotiation");
    expect(
      refused(signing.state, signing.wei, { type: "sign", instrument: "code", version: "a".repeat(64) }, "WRONG_PHASE"),
    ).toContain("Signing");
  });
  it("refuses host actions bound to a phase elsewhere", () => {
    const t = table("negotiation");
    expect(refused(t.state, HOST, { type: "instrument.freeze", instrument: "code" }, "WRONG_PHASE")).toContain(
      "Final text",
    );
    expect(refused(t.state, HOST, { type: "vote.close", provision: "p1" }, "WRONG_PHASE")).toContain("Final text");
    const f = table("final-text");
    expect(refused(f.state, HOST, { type: "amendment.close", amendment: "a1" }, "WRONG_PHASE")).toContain(
      "Negotiation",
    );
  });
});

describe("who may send what", () => {
  it("refuses host actions from a delegate or an observer with NOT_HOST", () => {
    const t = table("negotiation");
    refused(t.state, t.wei, { type: "phase.next" }, "NOT_HOST");
    refused(t.state, t.projector, { type: "timer.pause" }, "NOT_HOST");
    refused(t.state, t.amy, { type: "inject.release", inject: "moscow-deal" }, "NOT_HOST");
    refused(t.state, t.amy, { type: "seat.kick", seat: "s2" }, "NOT_HOST");
  });
  it("refuses delegate actions from the host or an observer with NOT_DELEGATE, but the host may talk", () => {
    const t = table("negotiation");
    refused(t.state, HOST, { type: "provision.table", instrument: "code", card: "sovereignty" }, "NOT_DELEGATE");
    refused(t.state, t.projector, { type: "say", channel: "floor", text: "hello" }, "NOT_DELEGATE");
    refused(t.state, t.projector, { type: "stance.set", provision: "p1", stance: "support" }, "NOT_DELEGATE");
    const s = ok(t.state, HOST, { type: "say", channel: "floor", text: "Welcome, delegates." });
    expect(s.channels.find((c) => c.id === "floor")?.messages.map((m) => [m.name, m.text])).toEqual([
      ["Host", "Welcome, delegates."],
    ]);
  });
  it("refuses an unknown seat", () => {
    const t = table("negotiation");
    refused(t.state, seat("s999"), { type: "say", channel: "floor", text: "hi" }, "UNKNOWN_SEAT");
  });
  it("refuses system actions from a seat and client actions from the system with BAD_MESSAGE", () => {
    const t = table("negotiation");
    refused(t.state, HOST, { type: "timer.deadline" }, "BAD_MESSAGE");
    refused(t.state, t.wei, { type: "seat.join", role: "delegate", name: "Sneaky" }, "BAD_MESSAGE", { fresh: fresh() });
    refused(t.state, SYSTEM, { type: "phase.next" }, "BAD_MESSAGE");
  });
  it("after the session ends refuses everything except seats coming and going", () => {
    const t = table("negotiation");
    const ended = ok(t.state, HOST, { type: "session.end" });
    expect([ended.ended, ended.timer]).toEqual([true, { state: "off" }]);
    refused(ended, HOST, { type: "phase.next" }, "SESSION_ENDED");
    refused(ended, t.wei, { type: "say", channel: "floor", text: "wait!" }, "SESSION_ENDED");
    refused(ended, SYSTEM, { type: "seat.join", role: "observer", name: "" }, "SESSION_ENDED", { fresh: fresh() });
    refused(ended, HOST, { type: "session.end" }, "SESSION_ENDED");
    const off = ok(ended, SYSTEM, { type: "seat.disconnect", seat: idOf(t.wei) });
    expect(off.seats.find((x) => x.name === "Wei")?.connected).toBe(false);
    const left = ok(off, SYSTEM, { type: "seat.leave", seat: idOf(t.lin) });
    expect(left.seats.map((x) => x.name)).not.toContain("Lin");
  });
  it("sets the clock forward on accepted actions and never back", () => {
    const t = table("negotiation");
    const later = ok(t.state, HOST, { type: "announce", text: "Five minutes." }, { now: t.state.now + 60_000 });
    expect(later.now).toBe(t.state.now + 60_000);
    const r = applyAction(later, HOST, { type: "announce", text: "Again." }, { now: t.state.now });
    expect(r.ok && r.state.now).toBe(later.now);
  });
});

describe("canAct", () => {
  it("agrees with the rules on role and phase, for every client action type", () => {
    const t = table("negotiation");
    const weiId = idOf(t.wei);
    expect(canAct(t.state, weiId, "provision.table")).toBe(true);
    expect(canAct(t.state, weiId, "sign")).toBe(false);
    expect(canAct(t.state, weiId, "phase.next")).toBe(false);
    expect(canAct(t.state, "s1", "phase.next")).toBe(true);
    expect(canAct(t.state, "s1", "provision.table")).toBe(false);
    expect(canAct(t.state, "s1", "say")).toBe(true);
    expect(canAct(t.state, weiId, "channel.open")).toBe(true);
    const signing = table("signing");
    expect(canAct(signing.state, idOf(signing.wei), "sign")).toBe(true); // head of China
    expect(canAct(signing.state, idOf(signing.lin), "sign")).toBe(false); // not head
    expect(t.state.seats.find((x) => x.id === idOf(t.projector))?.role).toBe("observer");
    expect(
      CLIENT_ACTION_TYPES.filter((type) => canAct(t.state, idOf(t.projector), type as ClientAction["type"])),
    ).toEqual([]);
  });

  it("answers from a seat's own view as from the state, and says yes exactly when the rules get past role and phase", () => {
    for (const phase of PHASES) {
      const t = table(phase);
      for (const who of [t.wei, t.lin, t.projector, HOST]) {
        const id = who.kind === "seat" ? who.seat : "";
        const seatRow = t.state.seats.find((x) => x.id === id)!;
        const view = viewFor(
          t.state,
          seatRow.role === "host"
            ? { kind: "host" }
            : seatRow.role === "observer"
              ? { kind: "observer" }
              : { kind: "delegation", delegation: seatRow.delegation! },
        );
        for (const type of CLIENT_ACTION_TYPES) {
          const allowed = canAct(t.state, id, type);
          expect(canAct(view, id, type), `${phase} ${seatRow.name} ${type}`).toBe(allowed);
          // A refusal of the role or the phase is exactly what canAct foresees.
          const result = applyAction(t.state, who, { type } as ClientAction, { now: t.state.now });
          const gateCodes = ["NOT_DELEGATE", "NOT_HOST", "WRONG_PHASE", "SESSION_ENDED"];
          if (!result.ok && gateCodes.includes(result.code))
            expect(allowed, `${phase} ${seatRow.name} ${type}`).toBe(false);
          if (allowed && !result.ok) expect(gateCodes, `${phase} ${seatRow.name} ${type}`).not.toContain(result.code);
        }
      }
    }
  });
});

describe("exactly once: the client's sequence number", () => {
  it("an accepted seat action raises the seat's lastSeq; lower numbers, refusals and the system leave it", () => {
    const t = table("opening");
    const lastSeq = (s: typeof t.state) => s.seats.find((x) => x.id === idOf(t.wei))!.lastSeq;
    const say = { type: "say", channel: "floor", text: "Hello." } as const;
    const after = ok(t.state, t.wei, say, { clientSeq: 7 });
    expect(lastSeq(after)).toBe(7);
    expect(lastSeq(ok(after, t.wei, say, { clientSeq: 3 }))).toBe(7);
    // A refused action takes no number: the same seq can carry a corrected action.
    refused(after, t.wei, { type: "say", channel: "announcements", text: "Hello." }, "NOT_HOST", { clientSeq: 9 });
    expect(lastSeq(ok(after, SYSTEM, { type: "seat.disconnect", seat: idOf(t.wei) }, { clientSeq: 99 }))).toBe(7);
  });
});
