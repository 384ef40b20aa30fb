// Jobs within a delegation: handed out in joining order (shared/jobs.ts says
// which), changed by the host for anyone, or by a head for its own delegation.
import type { Seat, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";
import { DUTY_TITLES, JOBS, isJob, nextJob, type JobName } from "../jobs.ts";
import { accept, event, type ActionOf, type Handler } from "./context.ts";
import { nameOf, seatOf } from "./lookup.ts";
import { refuse } from "./refuse.ts";

/** The job a seat joining (or moving into) a delegation takes, from what its other non-head members hold. */
export function jobFor(s: SessionState, delegation: DelegationId, seatId: string): JobName {
  const held = s.seats
    .filter(
      (x) => x.role === "delegate" && x.delegation === delegation && x.id !== seatId && s.heads[delegation] !== x.id,
    )
    .map((x) => x.job);
  return nextJob(held);
}

/** Gives `seatId` the job it takes in its delegation now (after a join or a move). */
export function withJob(s: SessionState, seatId: string): SessionState {
  const seat = seatOf(s, seatId);
  if (!seat?.delegation || seat.role !== "delegate" || s.heads[seat.delegation] === seat.id) return s;
  const job = jobFor(s, seat.delegation, seat.id);
  return { ...s, seats: s.seats.map((x): Seat => (x === seat ? { ...x, job } : x)) };
}

const jobWords = (job: JobName) => DUTY_TITLES[job].toLowerCase();

export const seatJob: Handler<ActionOf<"seat.job">> = (s, a, w) => {
  const actor = w.seat!;
  const seat = seatOf(s, a.seat);
  if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
  if (seat.role !== "delegate" || !seat.delegation)
    return refuse("NOT_DELEGATE", `${seat.name} is not a delegate, so has no job in a delegation.`);
  if (actor.role !== "host") {
    const own = actor.delegation!;
    if (s.heads[own] !== actor.id)
      return refuse("NOT_HEAD_OF_DELEGATION", "Only your head of delegation (or the teacher) hands out jobs.");
    if (seat.delegation !== own)
      return refuse("NOT_YOUR_DELEGATION", `${seat.name} sits with ${nameOf(s, seat.delegation)}, not with you.`);
  }
  const job = a.job.toLowerCase();
  if (job === "head")
    return refuse("UNKNOWN_JOB", "The head is chosen with “Make head” in the teacher's roster, not as a job.");
  if (!isJob(job))
    return refuse("UNKNOWN_JOB", `"${a.job}" is not a job here. The jobs are: ${JOBS.map(jobWords).join(", ")}.`);
  if (s.heads[seat.delegation] === seat.id)
    return refuse(
      "ALREADY_DONE",
      `${seat.name} is head of ${nameOf(s, seat.delegation)}: the head signs and casts the final votes.`,
    );
  if (seat.job === job) return refuse("ALREADY_DONE", `${seat.name} is already the ${jobWords(job)}.`);
  const by = actor.role === "host" ? "The host" : actor.name;
  const text = `${by} made ${seat.name} ${nameOf(s, seat.delegation)}'s ${jobWords(job)}.`;
  return accept({ ...s, seats: s.seats.map((x): Seat => (x === seat ? { ...x, job } : x)) }, [
    // Told to the delegation and the host only: the rest of the class has no need of a toast for it.
    event("seat.job", text, { seat: seat.id, delegation: seat.delegation, job }, [
      { kind: "delegation", delegation: seat.delegation },
      { kind: "host" },
    ]),
  ]);
};
