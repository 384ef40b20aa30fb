// A record to grade from, one row per student: what each one said, proposed,
// got adopted and voted, from the state and the journal. Words are credited
// to the student whose tabling or adopted amendment put them in the text, by
// replaying each provision's versions word by word (as the rules credit
// delegations), so "words that survived" counts only words still in an
// adopted provision.
import type { SessionState } from "../../shared/state.ts";
import { spliceEdit, words } from "../../shared/rules/words.ts";
import type { JournalEntry } from "../store/types.ts";
import { ownAnswers } from "../../shared/rules/reflection.ts";
import { dutyOf, type Duty } from "../../shared/jobs.ts";

export interface StudentRecord {
  name: string;
  delegation: string;
  /** The student's job in the delegation at the end: head, spokesperson, drafter, liaison or analyst. */
  role: Duty;
  lines: { floor: number; team: number; private: number };
  provisionsTabled: number;
  provisionsAdopted: number;
  amendmentsProposed: number;
  amendmentsAdopted: number;
  /** Words of this student's still in adopted provisions. */
  wordsSurviving: number;
  votesCast: number;
  signed: number;
  /** The student's answers to the debrief questions, one per question (null: not answered). */
  reflections: (string | null)[];
}

/** Which seat put each word of a provision's latest text there (null where the record cannot say). */
function seatPerWord(state: SessionState, provisionIndex: number, tabledBy: string | null): (string | null)[] {
  const p = state.provisions[provisionIndex]!;
  let seats: (string | null)[] = words(p.versions[0]!.text).map(() => tabledBy);
  for (const v of p.versions.slice(1)) {
    const a = state.amendments.find((x) => x.id === v.amendment);
    const next = a
      ? spliceEdit(seats, a.edit, a.edit.kind === "delete" ? [] : words(a.edit.text).map(() => a.seat))
      : null;
    // A version not made by a recorded edit (none today) credits nobody rather than the wrong student.
    seats = next && next.length === words(v.text).length ? next : words(v.text).map(() => null);
  }
  return seats;
}

export function studentRecords(state: SessionState, entries: readonly JournalEntry[]): StudentRecord[] {
  const bySeat = (e: JournalEntry) => (e.actor.kind === "seat" ? e.actor.seat : null);
  // Every journaled action was accepted: the k-th tabling or drafting made the k-th provision.
  const tablers = entries
    .filter((e) => e.command.type === "provision.table" || e.command.type === "provision.draft")
    .map(bySeat);
  const surviving = new Map<string, number>();
  state.provisions.forEach((p, i) => {
    if (p.status !== "adopted") return;
    for (const seat of seatPerWord(state, i, tablers[i] ?? null))
      if (seat) surviving.set(seat, (surviving.get(seat) ?? 0) + 1);
  });
  const delegationName = (id: string | null) => state.scenario.delegations.find((d) => d.id === id)?.name ?? "";
  return state.seats
    .filter((s) => s.role === "delegate")
    .map((seat) => {
      const said = (kind: "floor" | "team" | "private") =>
        state.channels
          .filter((c) => c.kind === kind)
          .reduce((n, c) => n + c.messages.filter((m) => m.seat === seat.id).length, 0);
      const tabled = state.provisions.filter((_p, i) => tablers[i] === seat.id);
      const amendments = state.amendments.filter((a) => a.seat === seat.id);
      return {
        name: seat.name,
        delegation: delegationName(seat.delegation),
        role: dutyOf(state, seat.id) ?? "spokesperson",
        lines: { floor: said("floor"), team: said("team"), private: said("private") },
        provisionsTabled: tabled.length,
        provisionsAdopted: tabled.filter((p) => p.status === "adopted").length,
        amendmentsProposed: amendments.length,
        amendmentsAdopted: amendments.filter((a) => a.status === "adopted").length,
        wordsSurviving: surviving.get(seat.id) ?? 0,
        votesCast: entries.filter(
          (e) => bySeat(e) === seat.id && (e.command.type === "amendment.vote" || e.command.type === "vote.cast"),
        ).length,
        signed: state.signatures.filter((g) => g.seat === seat.id).length,
        reflections: ownAnswers(state, seat.id),
      };
    });
}
