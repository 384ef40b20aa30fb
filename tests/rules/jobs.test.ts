// Jobs within a delegation: handed out in joining order, changed by the host
// or the delegation's head, refused in plain words otherwise; one line per phase.
import { describe, expect, it } from "vitest";
import { PHASES } from "../../shared/phases.ts";
import type { SessionState } from "../../shared/state.ts";
import { dutyLine, dutyOf, nextJob } from "../../shared/jobs.ts";
import { canAct } from "../../shared/rules/can-act.ts";
import { viewFor } from "../../shared/rules/view.ts";
import { HOST, SYSTEM, accepted, idOf, join, newSession, ok, refused, seat, table } from "../fixtures/mini-scenario.ts";

const duties = (s: SessionState, delegation: string) =>
  s.seats.filter((x) => x.delegation === delegation).map((x) => `${x.name}:${dutyOf(s, x.id)}`);

function delegationOf(n: number): SessionState {
  let s = newSession();
  for (let i = 1; i <= n; i++) s = join(s, `Student ${i}`, "china").state;
  return s;
}

describe("jobs handed out in joining order", () => {
  it("head first, then spokesperson, drafter, liaison, analyst; then a second drafter, liaison, analyst", () => {
    expect(duties(delegationOf(2), "china")).toEqual(["Student 1:head", "Student 2:spokesperson"]);
    expect(duties(delegationOf(8), "china")).toEqual([
      "Student 1:head",
      "Student 2:spokesperson",
      "Student 3:drafter",
      "Student 4:liaison",
      "Student 5:analyst",
      "Student 6:drafter",
      "Student 7:liaison",
      "Student 8:analyst",
    ]);
  });
  it("a newcomer takes the job someone who left held", () => {
    let s = delegationOf(4); // head, spokesperson, drafter, liaison
    const drafter = s.seats.find((x) => x.name === "Student 3")!.id;
    s = ok(s, SYSTEM, { type: "seat.leave", seat: drafter });
    s = join(s, "Student 5", "china").state;
    expect(dutyOf(s, s.seats.find((x) => x.name === "Student 5")!.id)).toBe("drafter");
  });
  it("nextJob fills the job nobody holds before doubling one", () => {
    expect(nextJob([])).toBe("spokesperson");
    expect(nextJob(["spokesperson", "liaison"])).toBe("drafter");
    expect(nextJob(["spokesperson", "drafter", "liaison", "analyst", "drafter"])).toBe("liaison");
  });
  it("a moved student takes a job in the new delegation; the head's old job goes to the old head when the host makes someone else head", () => {
    const t = table("negotiation"); // China: Wei (head), Lin; Russia: Ivan (head)
    const moved = ok(t.state, HOST, { type: "seat.move", seat: idOf(t.lin), delegation: "russia" });
    expect(dutyOf(moved, idOf(t.lin))).toBe("spokesperson");
    const drafter = ok(t.state, HOST, { type: "seat.job", seat: idOf(t.lin), job: "drafter" });
    const swapped = ok(drafter, HOST, { type: "seat.makeHead", seat: idOf(t.lin) });
    expect([dutyOf(swapped, idOf(t.lin)), dutyOf(swapped, idOf(t.wei))]).toEqual(["head", "drafter"]);
  });
});

describe("seat.job", () => {
  it("the host changes anyone's job; everyone is told in words", () => {
    const t = table("negotiation");
    const { state, events } = accepted(t.state, HOST, { type: "seat.job", seat: idOf(t.lin), job: "Liaison" });
    expect(dutyOf(state, idOf(t.lin))).toBe("liaison");
    expect(events[0]).toMatchObject({ type: "seat.job", text: "The host made Lin China's liaison." });
  });
  it("the head changes a job in its own delegation, in any phase", () => {
    for (const phase of PHASES) {
      const t = table(phase);
      const s = ok(t.state, t.wei, { type: "seat.job", seat: idOf(t.lin), job: "analyst" });
      expect(dutyOf(s, idOf(t.lin))).toBe("analyst");
    }
  });
  it("refuses with a code: not host or head, another delegation, unknown job, the head, no change, not a delegate", () => {
    const t = table("negotiation");
    let s = join(t.state, "Mia", "china").state;
    const mia = s.seats.find((x) => x.name === "Mia")!.id;
    refused(s, t.lin, { type: "seat.job", seat: mia, job: "drafter" }, "NOT_HEAD_OF_DELEGATION");
    refused(s, t.wei, { type: "seat.job", seat: idOf(t.ivan), job: "drafter" }, "NOT_YOUR_DELEGATION");
    expect(refused(s, t.wei, { type: "seat.job", seat: mia, job: "juggler" }, "UNKNOWN_JOB")).toContain(
      "spokesperson, drafter, liaison, analyst",
    );
    refused(s, t.wei, { type: "seat.job", seat: mia, job: "head" }, "UNKNOWN_JOB");
    refused(s, HOST, { type: "seat.job", seat: idOf(t.wei), job: "drafter" }, "ALREADY_DONE");
    refused(s, HOST, { type: "seat.job", seat: mia, job: "drafter" }, "ALREADY_DONE"); // Mia joined third: drafter
    refused(s, HOST, { type: "seat.job", seat: idOf(t.projector), job: "drafter" }, "NOT_DELEGATE");
    refused(s, HOST, { type: "seat.job", seat: "s99", job: "drafter" }, "UNKNOWN_SEAT");
    refused(s, t.projector, { type: "seat.job", seat: mia, job: "analyst" }, "NOT_HOST");
    s = ok(s, HOST, { type: "session.end" });
    refused(s, HOST, { type: "seat.job", seat: mia, job: "analyst" }, "SESSION_ENDED");
  });
  it("canAct shows the control to the host and heads only, from a delegation's own view too", () => {
    const t = table("briefing");
    const china = viewFor(t.state, { kind: "delegation", delegation: "china" });
    expect(canAct(china, idOf(t.wei), "seat.job")).toBe(true);
    expect(canAct(china, idOf(t.lin), "seat.job")).toBe(false);
    expect(canAct(t.state, idOf(HOST), "seat.job")).toBe(true);
    expect(canAct(t.state, idOf(t.projector), "seat.job")).toBe(false);
    // Every delegation's view carries every seat's job, so a student sees who does what.
    expect(china.seats.find((x) => x.id === idOf(t.lin))?.job).toBe("spokesperson");
    expect(dutyOf(china, idOf(seat("s99")))).toBeNull();
  });
});

describe("the one line a student reads", () => {
  it("says the job and what it is for in this phase, with the delegation's name", () => {
    expect(dutyLine("drafter", "negotiation", "Japan")).toBe("Drafter: Table and amend provisions for Japan");
    expect(dutyLine("liaison", "negotiation", "Japan")).toBe(
      "Liaison: Open private channels and sound out other delegations",
    );
    expect(dutyLine("head", "signing", "Japan")).toBe(
      "Head of delegation: Decide whether Japan signs, and sign or decline",
    );
    // A head on their own does every job, and is told so.
    expect(dutyLine("head", "negotiation", "Japan", true)).toBe(
      "Head of delegation: Table, amend and argue for Japan: you are the whole delegation",
    );
    expect(dutyLine("head", "signing", "Japan", true)).toBe(dutyLine("head", "signing", "Japan"));
    // Every duty has a different line in every phase.
    for (const duty of ["head", "spokesperson", "drafter", "liaison", "analyst"] as const)
      expect(new Set(PHASES.map((p) => dutyLine(duty, p, "Japan"))).size).toBe(PHASES.length);
  });
});
