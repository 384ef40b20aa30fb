// Reflection at the debrief, through the pure rules: each student answers the
// scenario's questions (and may edit an answer); coded refusals for the wrong
// phase, a seat that is not a delegate, an unknown question and a bad text;
// the host's view has every answer with its name, the class's views have
// none until the host shows them, and then only the texts.
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits.ts";
import { ownAnswers } from "../../shared/rules/reflection.ts";
import { viewFor } from "../../shared/rules/index.ts";
import { HOST, accepted, ok, refused, table, toPhase } from "../fixtures/mini-scenario.ts";

const QUESTIONS = ["Who won?", "What would you change?"];
const debrief = () => table("debrief", { questions: QUESTIONS });
const answer = (question: number, text: string) => ({ type: "reflection.answer" as const, question, text });

describe("reflection.answer", () => {
  it("records a student's answer per question, and an edit replaces it", () => {
    const t = debrief();
    const first = accepted(t.state, t.wei, answer(0, "  Nobody won: the code was too narrow.  "));
    // Nobody else is told who answered what: no event at all.
    expect(first.events).toEqual([]);
    let s = first.state;
    s = ok(s, t.lin, answer(0, "China, by its brief."));
    s = ok(s, t.wei, answer(1, "Talk to Japan sooner."));
    s = ok(s, t.wei, answer(0, "Everyone a little."));
    expect(s.reflections!.map((r) => [r.name, r.delegation, r.question, r.text])).toEqual([
      ["Wei", "china", 0, "Everyone a little."],
      ["Lin", "china", 0, "China, by its brief."],
      ["Wei", "china", 1, "Talk to Japan sooner."],
    ]);
    expect(ownAnswers(s, t.wei.kind === "seat" ? t.wei.seat : "")).toEqual([
      "Everyone a little.",
      "Talk to Japan sooner.",
    ]);
    expect(ownAnswers(s, t.amy.kind === "seat" ? t.amy.seat : "")).toEqual([null, null]);
  });

  it("refuses, changing nothing: before the debrief, a host or observer, an unknown question, a blank or repeated answer", () => {
    const t = debrief();
    const signing = toPhase(t.state, "signing");
    expect(refused(signing, t.wei, answer(0, "Too early"), "WRONG_PHASE")).toContain("only during Debrief");
    expect(refused(t.state, HOST, answer(0, "The host's view"), "NOT_DELEGATE")).toContain("Only delegates");
    expect(refused(t.state, t.projector, answer(0, "Projector"), "NOT_DELEGATE")).toContain("Only delegates");
    expect(refused(t.state, t.wei, answer(2, "A third?"), "UNKNOWN_QUESTION")).toBe(
      "There is no question 3: this debrief has 2 questions.",
    );
    refused(t.state, t.wei, answer(0, "\u200B\u200B"), "BAD_MESSAGE");
    refused(t.state, t.wei, answer(0, "x".repeat(LIMITS.reflection + 1)), "BAD_MESSAGE");
    const s = ok(t.state, t.wei, answer(0, "Once."));
    refused(s, t.wei, answer(0, " Once. "), "NO_CHANGE");
    const ended = ok(s, HOST, { type: "session.end" });
    refused(ended, t.wei, answer(0, "After the end"), "SESSION_ENDED");
  });
});

describe("who sees the answers", () => {
  it("the host with names; the class nothing until shown, then the texts alone, in alphabetical order", () => {
    const t = debrief();
    let s = ok(t.state, t.wei, answer(0, "Zebra answer, first written"));
    s = ok(s, t.ivan, answer(0, "Apple answer, written second"));
    const host = viewFor(s, { kind: "host" });
    expect(host.reflections!.map((r) => r.name)).toEqual(["Wei", "Ivan"]);
    for (const audience of [
      { kind: "observer" as const },
      { kind: "delegation" as const, delegation: "china" },
      { kind: "delegation" as const, delegation: "russia" },
    ]) {
      const v = viewFor(s, audience);
      expect(JSON.stringify(v)).not.toContain("answer, ");
      expect(v.shownReflections).toBeUndefined();
    }

    refused(s, t.wei, { type: "reflection.show", shown: true }, "NOT_HOST");
    const shown = accepted(s, HOST, { type: "reflection.show", shown: true });
    expect(shown.events.map((e) => e.text)).toEqual([
      "The teacher is showing the class's answers on the projector, without names.",
    ]);
    s = shown.state;
    refused(s, HOST, { type: "reflection.show", shown: true }, "ALREADY_DONE");
    for (const audience of [{ kind: "observer" as const }, { kind: "delegation" as const, delegation: "usa" }]) {
      const v = viewFor(s, audience);
      expect(v.shownReflections).toEqual([
        { question: 0, answers: ["Apple answer, written second", "Zebra answer, first written"] },
        { question: 1, answers: [] },
      ]);
      expect(v.reflections).toBeUndefined();
      // Texts only: no seat id or name of whoever wrote them, anywhere near them.
      expect(JSON.stringify(v.shownReflections)).not.toMatch(/Wei|Ivan|s\d+/);
    }
    // The same array while nothing changed: the server diffs views by reference.
    expect(viewFor(s, { kind: "observer" }).shownReflections).toBe(viewFor(s, { kind: "observer" }).shownReflections);
    // Going back a phase hides them (they belong to the debrief); hiding them works only there.
    expect(viewFor(ok(s, HOST, { type: "phase.back" }), { kind: "observer" }).shownReflections).toBeUndefined();
    s = ok(s, HOST, { type: "reflection.show", shown: false });
    expect(viewFor(s, { kind: "observer" }).shownReflections).toBeUndefined();
    refused(toPhase(s, "signing"), HOST, { type: "reflection.show", shown: true }, "WRONG_PHASE");
  });
});
