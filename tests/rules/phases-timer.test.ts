import { describe, expect, it } from "vitest";
import {
  HOST,
  SYSTEM,
  accepted,
  ok,
  refused,
  table,
  tableCard,
  toPhase,
  newSession,
} from "../fixtures/mini-scenario.ts";

const MIN = 60_000;

describe("phase.next and phase.back", () => {
  it("move exactly one step and start the new phase's timer from the plan", () => {
    const s = newSession();
    const { state, events } = accepted(s, HOST, { type: "phase.next" }, { now: s.now + 5 });
    expect(state.phase).toBe("opening");
    expect(state.timer).toEqual({ state: "running", endsAt: s.now + 5 + 5 * MIN, durationMs: 5 * MIN });
    expect(events[0]?.text).toBe("Opening statements has begun.");
    const back = ok(state, HOST, { type: "phase.back" }, { now: s.now + 10 });
    expect(back.phase).toBe("briefing");
    expect(back.timeline.map((e) => e.text)).toEqual(["Opening statements began", "Briefing began"]);
  });
  it("while adjourned, start no clock: the next phase's waits whole, and reconvening runs it", () => {
    const s = table("negotiation").state;
    const away = ok(s, HOST, { type: "session.adjourn", adjourned: true });
    for (const type of ["timer.start", "timer.resume"] as const) refused(away, HOST, { type }, "ADJOURNED");
    const moved = ok(away, HOST, { type: "phase.next" }, { now: away.now + MIN });
    expect(moved.phase).toBe("final-text");
    expect(moved.timer).toMatchObject({ state: "paused" });
    if (moved.timer.state !== "paused") throw new Error("timer should wait");
    expect(moved.timer.remainingMs).toBe(moved.timer.durationMs);
    const back = ok(moved, HOST, { type: "session.adjourn", adjourned: false }, { now: moved.now + 5 * MIN });
    expect(back.timer).toEqual({
      state: "running",
      endsAt: moved.now + 5 * MIN + moved.timer.durationMs,
      durationMs: moved.timer.durationMs,
    });
  });
  it("refuse to go past either end", () => {
    expect(refused(newSession(), HOST, { type: "phase.back" }, "NO_PREVIOUS_PHASE")).toContain("Briefing");
    refused(table("debrief").state, HOST, { type: "phase.next" }, "NO_NEXT_PHASE");
  });
  it("lapse pending amendments when negotiation ends, but not when going back", () => {
    const t = table("negotiation");
    const { state, provision } = tableCard(t.state, t.wei, "sovereignty");
    const proposed = ok(state, t.wei, {
      type: "amendment.propose",
      provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "Firmly," },
    });
    expect(proposed.amendments[0]?.status).toBe("pending");
    expect(toPhase(proposed, "opening").amendments[0]?.status).toBe("pending");
    const forward = ok(proposed, HOST, { type: "phase.next" });
    expect(forward.amendments[0]).toMatchObject({ status: "lapsed", decidedAt: forward.now });
  });
  it("compute the debrief on entering it and clear it on leaving", () => {
    const s = table("signing").state;
    const debrief = ok(s, HOST, { type: "phase.next" });
    expect(debrief.debrief?.scores.map((x) => x.delegation)).toEqual(["china", "russia", "usa"]);
    expect(ok(debrief, HOST, { type: "phase.back" }).debrief).toBeNull();
  });
});

describe("the timer", () => {
  it("starts with given minutes or the plan's, and restarts", () => {
    const s = table("negotiation").state;
    expect(ok(s, HOST, { type: "timer.start", minutes: 3 }, { now: s.now + 1 }).timer).toEqual({
      state: "running",
      endsAt: s.now + 1 + 3 * MIN,
      durationMs: 3 * MIN,
    });
    expect(ok(s, HOST, { type: "timer.start" }, { now: s.now + 1 }).timer).toEqual({
      state: "running",
      endsAt: s.now + 1 + 20 * MIN,
      durationMs: 20 * MIN,
    });
  });
  it("pauses with the time left and resumes from it", () => {
    const s = table("negotiation").state;
    if (s.timer.state !== "running") throw new Error("timer should run");
    const paused = ok(s, HOST, { type: "timer.pause" }, { now: s.timer.endsAt - 4 * MIN });
    expect(paused.timer).toEqual({ state: "paused", remainingMs: 4 * MIN, durationMs: 20 * MIN });
    refused(paused, HOST, { type: "timer.pause" }, "TIMER_NOT_RUNNING");
    const extended = ok(paused, HOST, { type: "timer.extend", minutes: 2 });
    expect(extended.timer).toEqual({ state: "paused", remainingMs: 6 * MIN, durationMs: 22 * MIN });
    const resumed = ok(extended, HOST, { type: "timer.resume" }, { now: paused.now + 10 * MIN });
    expect(resumed.timer).toEqual({ state: "running", endsAt: paused.now + 16 * MIN, durationMs: 22 * MIN });
    refused(resumed, HOST, { type: "timer.resume" }, "TIMER_NOT_PAUSED");
  });
  it("extends a running timer, revives an expired one, and refuses to extend one that is off", () => {
    const s = table("negotiation").state;
    if (s.timer.state !== "running") throw new Error("timer should run");
    expect(ok(s, HOST, { type: "timer.extend", minutes: 1 }).timer).toEqual({
      state: "running",
      endsAt: s.timer.endsAt + MIN,
      durationMs: 21 * MIN,
    });
    const expired = ok(s, SYSTEM, { type: "timer.deadline" }, { now: s.timer.endsAt });
    expect(expired.timer).toEqual({ state: "expired", durationMs: 20 * MIN });
    expect(ok(expired, HOST, { type: "timer.extend", minutes: 2 }, { now: s.timer.endsAt + 5 }).timer).toEqual({
      state: "running",
      endsAt: s.timer.endsAt + 5 + 2 * MIN,
      durationMs: 2 * MIN,
    });
    const off = ok(s, HOST, { type: "timer.stop" });
    expect(off.timer).toEqual({ state: "off" });
    refused(off, HOST, { type: "timer.extend", minutes: 1 }, "TIMER_NOT_RUNNING");
    refused(off, HOST, { type: "timer.stop" }, "TIMER_NOT_RUNNING");
  });
  it("deadline: refused before time, holds or advances per the plan", () => {
    const s = table("opening").state; // opening advances by itself
    if (s.timer.state !== "running") throw new Error("timer should run");
    refused(s, SYSTEM, { type: "timer.deadline" }, "DEADLINE_NOT_REACHED", { now: s.timer.endsAt - 1 });
    const advanced = ok(s, SYSTEM, { type: "timer.deadline" }, { now: s.timer.endsAt });
    expect(advanced.phase).toBe("negotiation");
    expect(advanced.timer).toEqual({ state: "running", endsAt: s.timer.endsAt + 20 * MIN, durationMs: 20 * MIN });
    if (advanced.timer.state !== "running") throw new Error("timer should run");
    const held = ok(advanced, SYSTEM, { type: "timer.deadline" }, { now: advanced.timer.endsAt + 3 });
    expect([held.phase, held.timer.state]).toEqual(["negotiation", "expired"]);
    refused(held, SYSTEM, { type: "timer.deadline" }, "DEADLINE_NOT_REACHED", { now: held.now + 10 * MIN });
  });
  it("deadline in the debrief has no next phase: the timer expires even when the plan says advance", () => {
    const s = table("debrief").state;
    if (s.timer.state !== "running") throw new Error("timer should run");
    const done = ok(s, SYSTEM, { type: "timer.deadline" }, { now: s.timer.endsAt });
    expect([done.phase, done.timer.state]).toEqual(["debrief", "expired"]);
  });
  it("restore gives a running timer the time it had left after a restart", () => {
    const s = table("negotiation").state;
    expect(ok(s, SYSTEM, { type: "timer.restore", remainingMs: 90_000 }, { now: s.now + 500 }).timer).toEqual({
      state: "running",
      endsAt: s.now + 500 + 90_000,
      durationMs: 20 * MIN,
    });
    const paused = ok(s, HOST, { type: "timer.pause" });
    refused(paused, SYSTEM, { type: "timer.restore", remainingMs: 1000 }, "TIMER_NOT_RUNNING");
  });
});

describe("session.lock and session.end", () => {
  it("lock and unlock, refusing a lock that changes nothing", () => {
    const s = newSession();
    const locked = ok(s, HOST, { type: "session.lock", locked: true });
    expect(locked.locked).toBe(true);
    refused(locked, HOST, { type: "session.lock", locked: true }, "ALREADY_DONE");
    expect(ok(locked, HOST, { type: "session.lock", locked: false }).locked).toBe(false);
  });
});
