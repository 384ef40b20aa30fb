// Moving between phases, one step at a time, and what entering or leaving a
// phase does: its timer starts, pending amendments lapse, the debrief is drawn up.
import { PHASES, type PhaseId } from "../scenario.ts";
import type { SessionState, Timer } from "../state.ts";
import { accept, event, logged, type ActionOf, type Handler } from "./context.ts";
import { computeDebrief } from "./debrief.ts";
import { phaseTitle } from "./phase-table.ts";
import { refuse } from "./refuse.ts";

export const planOf = (s: SessionState, phase: PhaseId) => s.scenario.phases.find((p) => p.phase === phase);

/** A running timer with the phase plan's minutes (off if the plan has no entry). */
export function planTimer(s: SessionState, phase: PhaseId, t: number): Timer {
  const minutes = planOf(s, phase)?.minutes;
  if (minutes === undefined) return { state: "off" };
  const durationMs = Math.round(minutes * 60_000);
  // Adjourned, the class is away: the phase's clock waits, whole, for reconvening to run it.
  if (s.lesson?.adjourned) return { state: "paused", remainingMs: durationMs, durationMs };
  return { state: "running", endsAt: t + durationMs, durationMs };
}

/** The state after moving to a neighbouring phase at time `t`. */
export function movePhase(s: SessionState, to: PhaseId, t: number): SessionState {
  const from = s.phase;
  const forward = PHASES.indexOf(to) > PHASES.indexOf(from);
  let next: SessionState = { ...s, phase: to, timer: planTimer(s, to, t) };
  if (from === "negotiation" && forward && s.amendments.some((a) => a.status === "pending")) {
    // Drafting is over: amendments nobody decided lapse rather than linger.
    next = {
      ...next,
      amendments: s.amendments.map((a) =>
        a.status === "pending" ? { ...a, status: "lapsed" as const, decidedAt: t } : a,
      ),
    };
  }
  if (from === "final-text" && s.provisions.some((p) => p.vote !== null)) {
    // Bracket votes belong to the final-text phase; one left open is called off.
    next = { ...next, provisions: next.provisions.map((p) => (p.vote !== null ? { ...p, vote: null } : p)) };
  }
  if (to === "debrief") next = { ...next, debrief: computeDebrief(next) };
  if (from === "debrief") next = { ...next, debrief: null };
  return { ...next, timeline: logged(next, t, "phase", `${phaseTitle(to)} began`) };
}

export const phaseNext: Handler<ActionOf<"phase.next">> = (s, _a, w) => {
  const to = PHASES[PHASES.indexOf(s.phase) + 1];
  if (!to) return refuse("NO_NEXT_PHASE", `${phaseTitle(s.phase)} is the last phase: there is nothing after it.`);
  return accept(movePhase(s, to, w.t), [event("phase", `${phaseTitle(to)} has begun.`, { phase: to })]);
};

export const phaseBack: Handler<ActionOf<"phase.back">> = (s, _a, w) => {
  const to = PHASES[PHASES.indexOf(s.phase) - 1];
  if (!to) return refuse("NO_PREVIOUS_PHASE", `${phaseTitle(s.phase)} is the first phase: there is nothing before it.`);
  return accept(movePhase(s, to, w.t), [event("phase", `Back to ${phaseTitle(to)}.`, { phase: to })]);
};

export const sessionLock: Handler<ActionOf<"session.lock">> = (s, a) => {
  if (s.locked === a.locked)
    return refuse("ALREADY_DONE", a.locked ? "Joining is already locked." : "Joining is already open.");
  const text = a.locked
    ? "The host locked the session: no new delegates can join."
    : "The host opened the session to new delegates.";
  return accept({ ...s, locked: a.locked }, [event("session.lock", text, { locked: a.locked })]);
};

// The timer stops too: a deadline after the end would only be refused.
export const sessionEnd: Handler<ActionOf<"session.end">> = (s, _a, w) =>
  accept(
    { ...s, ended: true, timer: { state: "off" }, timeline: logged(s, w.t, "session", "The host ended the session") },
    [event("session.end", "The host ended the session. Thank you for negotiating!")],
  );
