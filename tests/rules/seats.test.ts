import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits.ts";
import type { SessionState } from "../../shared/state.ts";
import {
  HOST,
  SYSTEM,
  accepted,
  fresh,
  idOf,
  join,
  newSession,
  ok,
  refused,
  table,
  tableCard,
} from "../fixtures/mini-scenario.ts";

const names = (s: SessionState, delegation: string) =>
  s.seats.filter((x) => x.delegation === delegation).map((x) => x.name);
const headName = (s: SessionState, delegation: string) =>
  s.seats.find((x) => x.id === s.heads[delegation])?.name ?? null;

describe("seat.join", () => {
  it("seats a delegate with fresh secrets; the first of a delegation is its head", () => {
    const s = newSession();
    const secrets = fresh();
    const { state, events } = accepted(
      s,
      SYSTEM,
      { type: "seat.join", role: "delegate", name: "  Wei ", delegation: "russia" },
      { fresh: secrets },
    );
    expect(state.seats[1]).toEqual({
      id: "s2",
      name: "Wei",
      role: "delegate",
      delegation: "russia",
      token: secrets.tokenHash,
      rejoinCode: secrets.rejoinCode,
      connected: true,
      joinedAt: state.now,
      lastSeq: 0,
    });
    expect(state.heads.russia).toBe("s2");
    expect(state.nextId).toBe(3);
    expect(events[0]).toMatchObject({
      type: "seat.join",
      seat: "s2",
      text: "Wei joined Russia as head of delegation.",
    });
    const second = join(state, "Lin", "russia").state;
    expect(second.heads.russia).toBe("s2");
  });
  it("without a delegation, fills the one with the fewest delegates, ties in scenario order", () => {
    let s = newSession();
    s = join(s, "A", "china").state;
    s = join(s, "B").state;
    s = join(s, "C").state;
    s = join(s, "D").state;
    expect([names(s, "china"), names(s, "russia"), names(s, "usa")]).toEqual([["A", "D"], ["B"], ["C"]]);
  });
  it("seats an observer as the Projector with no name checks, even when locked", () => {
    const s = ok(newSession(), HOST, { type: "session.lock", locked: true });
    const state = ok(s, SYSTEM, { type: "seat.join", role: "observer", name: "" }, { fresh: fresh() });
    expect(state.seats[1]).toMatchObject({ name: "Projector", role: "observer", delegation: null });
  });
  it("refuses: locked, reserved or taken names, full, unknown delegation, missing secrets", () => {
    const s = join(newSession(), "Wei", "china").state;
    const delegate = (name: string, delegation?: string) => ({
      type: "seat.join" as const,
      role: "delegate" as const,
      name,
      ...(delegation ? { delegation } : {}),
    });
    refused(ok(s, HOST, { type: "session.lock", locked: true }), SYSTEM, delegate("Lin"), "LOCKED", { fresh: fresh() });
    for (const name of ["Host", "TEACHER", "projector", "Admin", "moderator", "Observer"])
      refused(s, SYSTEM, delegate(name), "NAME_NOT_ALLOWED", { fresh: fresh() });
    expect(refused(s, SYSTEM, delegate("wEI"), "NAME_TAKEN", { fresh: fresh() })).toContain("wEI");
    refused(s, SYSTEM, delegate("Lin", "atlantis"), "UNKNOWN_DELEGATION", { fresh: fresh() });
    refused(s, SYSTEM, delegate("Lin"), "INTERNAL");
    let full = s;
    while (full.seats.length < LIMITS.seatsPerSession)
      full = ok(full, SYSTEM, { type: "seat.join", role: "observer", name: "" }, { fresh: fresh() });
    refused(full, SYSTEM, delegate("Lin"), "SESSION_FULL", { fresh: fresh() });
    refused(full, SYSTEM, { type: "seat.join", role: "observer", name: "" }, "SESSION_FULL", { fresh: fresh() });
  });
});

describe("seat.connect, seat.disconnect, seat.leave", () => {
  it("flip the connected flag", () => {
    const t = table();
    const off = ok(t.state, SYSTEM, { type: "seat.disconnect", seat: idOf(t.wei) });
    expect(off.seats.find((x) => x.id === idOf(t.wei))?.connected).toBe(false);
    expect(
      ok(off, SYSTEM, { type: "seat.connect", seat: idOf(t.wei) }).seats.find((x) => x.id === idOf(t.wei))?.connected,
    ).toBe(true);
    refused(off, SYSTEM, { type: "seat.connect", seat: "s99" }, "UNKNOWN_SEAT");
  });
  it("connect with rekey gives the seat a new token (a new device), keeping its rejoin code", () => {
    const t = table();
    const before = t.state.seats.find((x) => x.id === idOf(t.wei))!;
    const secrets = fresh();
    const after = ok(t.state, SYSTEM, { type: "seat.connect", seat: idOf(t.wei), rekey: true }, { fresh: secrets });
    const seat = after.seats.find((x) => x.id === idOf(t.wei))!;
    expect(seat.token).toBe(secrets.tokenHash);
    expect(seat.token).not.toBe(before.token);
    expect(seat.rejoinCode).toBe(before.rejoinCode);
    expect(seat.connected).toBe(true);
    refused(t.state, SYSTEM, { type: "seat.connect", seat: idOf(t.wei), rekey: true }, "INTERNAL");
    refused(t.state, SYSTEM, { type: "seat.connect", seat: "s99", rekey: true }, "UNKNOWN_SEAT", { fresh: fresh() });
  });
  it("leave removes the seat; the earliest remaining delegate becomes head, or nobody", () => {
    const t = table();
    const left = ok(t.state, SYSTEM, { type: "seat.leave", seat: idOf(t.wei) });
    expect(names(left, "china")).toEqual(["Lin"]);
    expect(headName(left, "china")).toBe("Lin");
    const empty = ok(left, SYSTEM, { type: "seat.leave", seat: idOf(t.lin) });
    expect(empty.heads.china).toBeNull();
    refused(empty, SYSTEM, { type: "seat.leave", seat: "s1" }, "NOT_DELEGATE");
    refused(empty, SYSTEM, { type: "seat.leave", seat: idOf(t.wei) }, "UNKNOWN_SEAT");
  });
  it("leaving decides an amendment that only waited for that delegation", () => {
    const t = table("negotiation");
    const { state, provision } = tableCard(t.state, t.wei, "threat-data");
    let s = ok(state, t.wei, {
      type: "amendment.propose",
      provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    s = ok(s, t.ivan, { type: "amendment.vote", amendment: s.amendments[0]!.id, vote: "yes" });
    expect(s.amendments[0]?.status).toBe("pending"); // the United States has not voted
    const { state: after, events } = accepted(s, SYSTEM, { type: "seat.leave", seat: idOf(t.amy) });
    expect(after.amendments[0]?.status).toBe("adopted");
    expect(events.map((e) => e.type)).toEqual(["seat.leave", "amendment.adopted"]);
  });
});

describe("host roster powers", () => {
  it("seat.move moves a delegate and fixes heads on both sides", () => {
    const t = table();
    const moved = ok(t.state, HOST, { type: "seat.move", seat: idOf(t.wei), delegation: "usa" });
    expect(names(moved, "china")).toEqual(["Lin"]);
    expect(headName(moved, "china")).toBe("Lin");
    expect(headName(moved, "usa")).toBe("Amy");
    const emptied = ok(t.state, HOST, { type: "seat.move", seat: idOf(t.ivan), delegation: "china" });
    expect(emptied.heads.russia).toBeNull();
    const refilled = ok(emptied, HOST, { type: "seat.move", seat: idOf(t.lin), delegation: "russia" });
    expect(headName(refilled, "russia")).toBe("Lin");
  });
  it("seat.move refuses unknown seats, non-delegates, unknown and same delegations", () => {
    const t = table();
    refused(t.state, HOST, { type: "seat.move", seat: "s99", delegation: "usa" }, "UNKNOWN_SEAT");
    refused(t.state, HOST, { type: "seat.move", seat: idOf(t.projector), delegation: "usa" }, "NOT_DELEGATE");
    refused(t.state, HOST, { type: "seat.move", seat: "s1", delegation: "usa" }, "NOT_DELEGATE");
    refused(t.state, HOST, { type: "seat.move", seat: idOf(t.wei), delegation: "atlantis" }, "UNKNOWN_DELEGATION");
    refused(t.state, HOST, { type: "seat.move", seat: idOf(t.wei), delegation: "china" }, "SAME_DELEGATION");
  });
  it("seat.makeHead changes the head; refuses the current head and non-delegates", () => {
    const t = table();
    const s = ok(t.state, HOST, { type: "seat.makeHead", seat: idOf(t.lin) });
    expect(headName(s, "china")).toBe("Lin");
    refused(s, HOST, { type: "seat.makeHead", seat: idOf(t.lin) }, "ALREADY_DONE");
    refused(s, HOST, { type: "seat.makeHead", seat: idOf(t.projector) }, "NOT_DELEGATE");
    refused(s, HOST, { type: "seat.makeHead", seat: "s99" }, "UNKNOWN_SEAT");
  });
  it("seat.hand gives the seat new secrets and disconnects it; the event names the seat", () => {
    const t = table();
    const secrets = fresh();
    const { state, events } = accepted(t.state, HOST, { type: "seat.hand", seat: idOf(t.amy) }, { fresh: secrets });
    expect(state.seats.find((x) => x.id === idOf(t.amy))).toMatchObject({
      token: secrets.tokenHash,
      rejoinCode: secrets.rejoinCode,
      connected: false,
      name: "Amy",
      delegation: "usa",
    });
    expect(state.heads.usa).toBe(idOf(t.amy));
    expect(events[0]).toMatchObject({ type: "seat.hand", seat: idOf(t.amy) });
    expect(JSON.stringify(events)).not.toContain(secrets.tokenHash);
    refused(t.state, HOST, { type: "seat.hand", seat: idOf(t.amy) }, "INTERNAL");
    refused(t.state, HOST, { type: "seat.hand", seat: "s1" }, "NOT_DELEGATE", { fresh: fresh() });
  });
  it("seat.kick removes like leave, never the host's own seat; the event names the seat", () => {
    const t = table();
    const { state, events } = accepted(t.state, HOST, { type: "seat.kick", seat: idOf(t.ivan) });
    expect(state.seats.map((x) => x.name)).not.toContain("Ivan");
    expect(state.heads.russia).toBeNull();
    expect(events[0]).toMatchObject({ type: "seat.kick", seat: idOf(t.ivan) });
    refused(t.state, HOST, { type: "seat.kick", seat: "s1" }, "NOT_DELEGATE");
    refused(state, HOST, { type: "seat.kick", seat: idOf(t.ivan) }, "UNKNOWN_SEAT");
  });
});
