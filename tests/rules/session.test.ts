import { describe, expect, it } from "vitest";
import { SessionState } from "../../shared/state.ts";
import { newSession, T0 } from "../fixtures/mini-scenario.ts";

describe("createSession", () => {
  it("seats the host, opens the standing channels and the code, in briefing", () => {
    const s = newSession();
    expect(SessionState.parse(s)).toStrictEqual(s);
    expect(s.seats).toEqual([
      {
        id: "s1",
        name: "Host",
        role: "host",
        delegation: null,
        token: "h".repeat(64),
        rejoinCode: "HHHH",
        connected: false,
        joinedAt: T0,
        lastSeq: 0,
      },
    ]);
    expect(s.channels.map((c) => [c.id, c.kind, c.title, c.members])).toEqual([
      ["floor", "floor", "Floor", null],
      ["announcements", "announcements", "Announcements", null],
      ["team-china", "team", "China team", ["china"]],
      ["team-russia", "team", "Russia team", ["russia"]],
      ["team-usa", "team", "United States team", ["usa"]],
    ]);
    expect(s.instruments).toEqual([
      {
        id: "code",
        kind: "code",
        title: "Code of conduct",
        parties: null,
        openedBy: null,
        provisions: [],
        frozen: null,
      },
    ]);
    expect(s.heads).toEqual({ china: null, russia: null, usa: null });
    expect([s.phase, s.timer, s.decisionRule, s.nextId, s.now, s.createdAt]).toEqual([
      "briefing",
      { state: "off" },
      "consensus",
      2,
      T0,
      T0,
    ]);
    expect([s.locked, s.ended, s.debrief]).toEqual([false, false, null]);
  });
  it("takes the decision rule from the scenario", () => {
    expect(newSession({ decisionRule: "two-thirds" }).decisionRule).toBe("two-thirds");
  });
});
