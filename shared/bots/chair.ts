// The computer chair (practice alone, or a class that wants the clock run for
// it): from the host's view, the next host action. It keeps a short timer
// running in each phase, moves on when time is up or when only the computer
// is left with nothing to do, puts bracketed text to a vote of the heads,
// closes votes, and freezes each text so it can be signed.
import type { ClientAction } from "../protocol.ts";
import type { PhaseId } from "../scenario.ts";
import type { SessionView } from "../view.ts";
import { isBracketed } from "../rules/provision-reading.ts";

/** Practice timers, in minutes: long enough to read and act, short enough to practise in a quarter of an hour. */
export const PRACTICE_MINUTES: Readonly<Record<PhaseId, number>> = {
  briefing: 2,
  opening: 1.5,
  negotiation: 8,
  "final-text": 3,
  signing: 2,
  debrief: 15,
};

export interface ChairMove {
  action: ClientAction;
  key: string;
}

/**
 * `settled`: every computer delegation has nothing left to do in this phase
 * and no student sits in any delegation, so nobody is waiting for the clock.
 */
export function chairMove(view: SessionView, settled: boolean, done: ReadonlySet<string>): ChairMove | null {
  if (view.ended || view.audience.kind !== "host") return null;
  const phase = view.phase;
  const move = (action: ClientAction, key: string): ChairMove | null => (done.has(key) ? null : { action, key });
  const timeUp = view.timer.state === "expired";
  const practiceMs = PRACTICE_MINUTES[phase] * 60_000;
  // A phase starts with the scenario's own (long) timer: shorten it once, and let it run out.
  const longTimer = view.timer.state === "running" && view.timer.durationMs > practiceMs;
  if (phase !== "debrief" && (view.timer.state === "off" || longTimer))
    return move({ type: "timer.start", minutes: PRACTICE_MINUTES[phase] }, `timer:${phase}`);

  if (phase === "final-text") {
    for (const i of view.instruments) {
      if (i.frozen) continue;
      const provisions = view.provisions.filter((p) => p.instrument === i.id && p.status === "tabled");
      const open = provisions.find((p) => isBracketed(p) && p.vote === null);
      if (open) return move({ type: "bracket.resolve", provision: open.id, how: "vote" }, `resolve:${open.id}`);
      const voting = provisions.find((p) => p.vote !== null);
      if (voting) {
        if (settled || timeUp) return move({ type: "vote.close", provision: voting.id }, `close:${voting.id}`);
        return null;
      }
      if (provisions.length > 0)
        return move({ type: "instrument.freeze", instrument: i.id }, `freeze:${i.id}:${provisions.length}`);
    }
  }
  if (phase === "negotiation" && (settled || timeUp)) {
    // Amendments nobody else will vote on are decided now rather than left to lapse.
    const pending = view.amendments.find((a) => a.status === "pending");
    if (pending) return move({ type: "amendment.close", amendment: pending.id }, `amendment:${pending.id}`);
  }
  if (phase === "debrief") return null;
  if (settled || timeUp) return move({ type: "phase.next" }, `next:${phase}`);
  return null;
}
