// The host's switches: the computer takes a delegation's seat (marked, with
// its difficulty), changes difficulty, hands the delegation to a student who
// arrived, and chairs the session; students cannot pass for the computer, and
// the computer's seat is not moved or handed like a student's.
import { describe, expect, it } from "vitest";
import { defaultScenario } from "../../content/load.ts";
import { applyAction, createSession, viewFor, type Actor, type Command } from "../../shared/rules/index.ts";
import type { SessionState } from "../../shared/state.ts";

const HOST: Actor = { kind: "seat", seat: "s1" };
let n = 0;
const fresh = () => ({ tokenHash: String(++n).padEnd(64, "a"), rejoinCode: "MNPQ" });

function session() {
  let state: SessionState = createSession({
    scenario: defaultScenario(),
    code: "ACDEFG",
    now: 1_000,
    hostTokenHash: "h".repeat(64),
    hostRejoinCode: "HHHH",
  });
  const run = (actor: Actor, command: Command) => {
    const r = applyAction(state, actor, command, { now: state.now + 1_000, fresh: fresh() });
    if (r.ok) state = r.state;
    return r;
  };
  return { run, get: () => state };
}

describe("computer delegations in the rules", () => {
  it("switches on a marked seat that heads an empty delegation, shown as such to everyone", () => {
    const s = session();
    expect(s.run(HOST, { type: "computer.on", delegation: "japan", difficulty: "hard-line" }).ok).toBe(true);
    const seat = s.get().seats.find((x) => x.delegation === "japan")!;
    expect(seat).toMatchObject({ name: "Japan (computer)", role: "delegate", computer: "hard-line" });
    expect(s.get().heads.japan).toBe(seat.id);
    const projector = viewFor(s.get(), { kind: "observer" });
    expect(projector.seats.find((x) => x.id === seat.id)).toMatchObject({
      name: "Japan (computer)",
      computer: "hard-line",
    });
    expect(s.get().timeline.at(-1)?.text).toBe("The computer plays Japan (hard-line)");
  });

  it("changes difficulty in place, and refuses a switch that changes nothing", () => {
    const s = session();
    s.run(HOST, { type: "computer.on", delegation: "china", difficulty: "firm" });
    const before = s.get().seats.length;
    expect(s.run(HOST, { type: "computer.on", delegation: "china", difficulty: "cooperative" }).ok).toBe(true);
    expect(s.get().seats.length).toBe(before);
    expect(s.get().seats.find((x) => x.delegation === "china")?.computer).toBe("cooperative");
    const again = s.run(HOST, { type: "computer.on", delegation: "china", difficulty: "cooperative" });
    expect(again).toMatchObject({ ok: false, code: "ALREADY_DONE" });
    expect(s.run(HOST, { type: "computer.off", delegation: "russia" })).toMatchObject({
      ok: false,
      code: "ALREADY_DONE",
    });
    expect(s.run(HOST, { type: "computer.on", delegation: "atlantis", difficulty: "firm" })).toMatchObject({
      ok: false,
      code: "UNKNOWN_DELEGATION",
    });
  });

  it("hands the delegation, its stances included, to the student who arrived when switched off", () => {
    const s = session();
    s.run(HOST, { type: "computer.on", delegation: "japan", difficulty: "firm" });
    s.run({ kind: "system" }, { type: "seat.join", role: "delegate", name: "Yuki", delegation: "japan" });
    const yuki = s.get().seats.find((x) => x.name === "Yuki")!;
    const computer = s.get().seats.find((x) => x.computer)!;
    expect(s.get().heads.japan).toBe(computer.id);
    s.run(HOST, { type: "phase.next" });
    s.run(HOST, { type: "phase.next" });
    expect(
      s.run({ kind: "seat", seat: computer.id }, { type: "provision.table", instrument: "code", card: "threat-data" })
        .ok,
    ).toBe(true);

    const off = s.run(HOST, { type: "computer.off", delegation: "japan" });
    expect(off.ok && off.events.map((e) => e.text)).toContain("The computer handed Japan over to Yuki.");
    expect(s.get().seats.some((x) => x.computer)).toBe(false);
    expect(s.get().heads.japan).toBe(yuki.id);
    expect(s.get().provisions[0]?.stances.japan).toBe("sponsor");
  });

  it("keeps the computer's seat from being moved or handed, and students from posing as the computer", () => {
    const s = session();
    s.run(HOST, { type: "computer.on", delegation: "russia", difficulty: "firm" });
    const seat = s.get().seats.find((x) => x.computer)!;
    expect(s.run(HOST, { type: "seat.move", seat: seat.id, delegation: "china" })).toMatchObject({
      ok: false,
      code: "NOT_DELEGATE",
    });
    expect(s.run(HOST, { type: "seat.hand", seat: seat.id })).toMatchObject({ ok: false, code: "NOT_DELEGATE" });
    const posing = s.run({ kind: "system" }, { type: "seat.join", role: "delegate", name: "Russia (Computer)" });
    expect(posing).toMatchObject({ ok: false, code: "NAME_NOT_ALLOWED" });
  });

  it("lets only the host switch the computer and the chair", () => {
    const s = session();
    s.run({ kind: "system" }, { type: "seat.join", role: "delegate", name: "Ada", delegation: "china" });
    const ada: Actor = { kind: "seat", seat: s.get().seats.find((x) => x.name === "Ada")!.id };
    expect(s.run(ada, { type: "computer.on", delegation: "japan", difficulty: "firm" })).toMatchObject({
      ok: false,
      code: "NOT_HOST",
    });
    expect(s.run(ada, { type: "chair.auto", on: true })).toMatchObject({ ok: false, code: "NOT_HOST" });
    expect(s.run(HOST, { type: "chair.auto", on: true }).ok).toBe(true);
    expect(s.get().autoChair).toBe(true);
    expect(s.run(HOST, { type: "chair.auto", on: true })).toMatchObject({ ok: false, code: "ALREADY_DONE" });
  });
});
