import { describe, expect, it } from "vitest";
import type { SessionState } from "../../shared/state.ts";
import type { Audience } from "../../shared/view.ts";
import { audienceOf, viewFor } from "../../shared/rules/index.ts";
import { HOST, SECRETS, idOf, nextId, ok, table, toPhase } from "../fixtures/mini-scenario.ts";

const CHINA: Audience = { kind: "delegation", delegation: "china" };
const USA: Audience = { kind: "delegation", delegation: "usa" };
const OBSERVER: Audience = { kind: "observer" };
const PRIVATE_LINE = "Secret plan between China and Russia";
const TEAM_LINE = "Team China only: hold the line";

/** Negotiation with a China-Russia private channel and a China team message. */
function talking(over: Parameters<typeof table>[1] = {}) {
  const t = table("negotiation", over);
  const channel = nextId(t.state, "c");
  let s = ok(t.state, t.wei, { type: "channel.open", with: ["russia"] });
  s = ok(s, t.ivan, { type: "say", channel, text: PRIVATE_LINE });
  s = ok(s, t.lin, { type: "say", channel: "team-china", text: TEAM_LINE });
  return { ...t, state: s, channel };
}
const seen = (s: SessionState, a: Audience) => JSON.stringify(viewFor(s, a));

describe("viewFor: secrets", () => {
  it("a delegation sees its own brief and channels, never another's", () => {
    const { state } = talking();
    const china = seen(state, CHINA);
    expect(china).toContain(SECRETS.china.instructions);
    expect(china).toContain(SECRETS.china.success);
    expect(china).toContain(PRIVATE_LINE);
    expect(china).toContain(TEAM_LINE);
    for (const other of [SECRETS.russia, SECRETS.usa]) {
      expect(china).not.toContain(other.instructions);
      expect(china).not.toContain(other.success);
    }
    const usa = seen(state, USA);
    expect(usa).toContain(SECRETS.usa.instructions);
    for (const secret of [SECRETS.china.instructions, SECRETS.russia.success, PRIVATE_LINE, TEAM_LINE])
      expect(usa).not.toContain(secret);
  });
  it("the observer sees only what is public", () => {
    const { state } = talking();
    const view = viewFor(state, OBSERVER);
    const text = JSON.stringify(view);
    for (const d of Object.values(SECRETS)) {
      expect(text).not.toContain(d.instructions);
      expect(text).not.toContain(d.success);
    }
    expect(text).not.toContain(PRIVATE_LINE);
    expect(text).not.toContain(TEAM_LINE);
    expect(view.channels.map((c) => c.id)).toEqual(["floor", "announcements"]);
  });
  it("no view holds a seat token, a sequence number or the id counter; only the host sees rejoin codes", () => {
    const { state } = talking();
    for (const a of [CHINA, OBSERVER, { kind: "host" } as Audience]) {
      const view = viewFor(state, a);
      const text = JSON.stringify(view);
      for (const seat of state.seats) expect(text).not.toContain(seat.token);
      expect(view.seats.every((x) => !("token" in x) && !("lastSeq" in x))).toBe(true);
      expect("nextId" in view).toBe(false);
      expect(view.seats.some((x) => "rejoinCode" in x)).toBe(a.kind === "host");
    }
    expect(
      viewFor(state, OBSERVER)
        .seats.filter((x) => x.isHead)
        .map((x) => x.name),
    ).toEqual(["Wei", "Ivan", "Amy"]);
  });
  it("the host sees everything, private channels only when the scenario says so", () => {
    const { state } = talking();
    const host = seen(state, { kind: "host" });
    for (const secret of [
      SECRETS.china.instructions,
      SECRETS.russia.instructions,
      SECRETS.usa.success,
      PRIVATE_LINE,
      TEAM_LINE,
    ])
      expect(host).toContain(secret);
    const closed = talking({ hostReadsPrivateChannels: false }).state;
    const hostView = seen(closed, { kind: "host" });
    expect(hostView).not.toContain(PRIVATE_LINE);
    expect(hostView).toContain(TEAM_LINE);
  });
  it("only the host sees injects before they are released", () => {
    const { state } = talking();
    expect(viewFor(state, { kind: "host" }).scenario.injects.map((i) => i.id)).toEqual([
      "moscow-deal",
      "school-attack",
    ]);
    expect(viewFor(state, CHINA).scenario.injects).toEqual([]);
    expect(seen(state, OBSERVER)).not.toContain("Hackers hit a school network");
    const released = ok(state, HOST, { type: "inject.release", inject: "school-attack" });
    expect(viewFor(released, OBSERVER).scenario.injects.map((i) => i.id)).toEqual(["school-attack"]);
  });
  it("the debrief reveals every brief and channel to everyone", () => {
    const { state } = talking();
    const debrief = toPhase(state, "debrief");
    const view = viewFor(debrief, OBSERVER);
    expect(view.revealed).toBe(true);
    expect(view.debrief).not.toBeNull();
    const text = JSON.stringify(view);
    for (const secret of [SECRETS.china.instructions, SECRETS.usa.success, PRIVATE_LINE, TEAM_LINE])
      expect(text).toContain(secret);
    expect(viewFor(state, OBSERVER).revealed).toBe(false);
  });
});

describe("audienceOf", () => {
  it("maps seats to audiences", () => {
    const t = table();
    expect(audienceOf(t.state, "s1")).toEqual({ kind: "host" });
    expect(audienceOf(t.state, idOf(t.amy))).toEqual(USA);
    expect(audienceOf(t.state, idOf(t.projector))).toEqual(OBSERVER);
    expect(audienceOf(t.state, "s999")).toEqual(OBSERVER);
  });
});

describe("viewFor: shared references", () => {
  it("two views of unchanged state share their parts; a chat line leaves the rest untouched", () => {
    const { state, wei } = talking();
    const a = viewFor(state, CHINA);
    const b = viewFor(state, CHINA);
    expect(b.scenario).toBe(a.scenario);
    expect(b.seats).toBe(a.seats);
    expect(b.channels).toBe(a.channels);
    expect(b.provisions).toBe(state.provisions);
    const next = ok(state, wei, { type: "say", channel: "floor", text: "Hello." });
    const c = viewFor(next, CHINA);
    expect(c.scenario).toBe(a.scenario);
    expect(c.seats).toBe(a.seats);
    expect(c.provisions).toBe(a.provisions);
    expect(c.channels).not.toBe(a.channels);
    expect(c.channels.find((x) => x.id === "team-china")).toBe(a.channels.find((x) => x.id === "team-china"));
    expect(viewFor(state, { kind: "host" }).scenario).toBe(state.scenario);
  });
});
