// Jobs within a delegation (Model UN practice): the head signs and casts the
// final votes; the others draft, speak, liaise and analyse. A job says what a
// student is there to do in each phase, in one line; it guides and locks
// nobody out. Free of zod, so the pages import it.
import type { PhaseId } from "./phases.ts";

/** The jobs besides head, in the order they are handed out after the head. */
export const JOBS = ["spokesperson", "drafter", "liaison", "analyst"] as const;
export type JobName = (typeof JOBS)[number];
/** What a delegate does: head of delegation, or one of the jobs. */
export type Duty = "head" | JobName;

export const DUTY_TITLES: Readonly<Record<Duty, string>> = {
  head: "Head of delegation",
  spokesperson: "Spokesperson",
  drafter: "Drafter",
  liaison: "Liaison",
  analyst: "Analyst",
};

/**
 * The job the next member of a delegation takes, from the jobs its other
 * members hold: each job once, in JOBS order (a delegation of 2 is head and
 * spokesperson; of 5, head and every job), then a second drafter, liaison and
 * analyst (a delegation of 8: one voice on the floor, two of each other job).
 */
const SECOND_ROUND: readonly JobName[] = ["drafter", "liaison", "analyst", "spokesperson"];
export function nextJob(held: readonly (JobName | undefined)[]): JobName {
  const count = (j: JobName) => held.filter((x) => x === j).length;
  const fewest = Math.min(...JOBS.map(count));
  const order = fewest === 0 ? JOBS : SECOND_ROUND;
  return order.find((j) => count(j) === fewest)!;
}

/** The part of a session (state or any view) that dutyOf reads. */
export interface DutySession {
  heads: Readonly<Record<string, string | null>>;
  seats: readonly { id: string; role: string; delegation?: string | null | undefined; job?: JobName | undefined }[];
}

/** A delegate's duty now: head if it heads its delegation, else its job (null for the host, observers, unknown seats). */
export function dutyOf(s: DutySession, seatId: string): Duty | null {
  const seat = s.seats.find((x) => x.id === seatId);
  if (!seat || seat.role !== "delegate" || !seat.delegation) return null;
  if (s.heads[seat.delegation] === seat.id) return "head";
  return seat.job ?? "spokesperson";
}

type Lines = Readonly<Record<PhaseId, (d: string) => string>>;
/** What each duty is for, phase by phase, with the delegation's name. */
const WORK: Readonly<Record<Duty, Lines>> = {
  head: {
    briefing: (d) => `Read the secret brief with your team and agree what ${d} must get`,
    opening: (d) => `Agree ${d}'s opening statement with your spokesperson`,
    negotiation: (d) => `Lead ${d}'s team: decide its stances and hand out the work`,
    "final-text": (d) => `Cast ${d}'s vote on bracketed text`,
    signing: (d) => `Decide whether ${d} signs, and sign or decline`,
    debrief: (d) => `Tell the class why ${d} signed or refused`,
  },
  spokesperson: {
    briefing: (d) => `Prepare ${d}'s opening statement from its public position`,
    opening: (d) => `Speak for ${d} on the floor: give its opening statement`,
    negotiation: (d) => `Speak for ${d} on the floor: argue for its provisions`,
    "final-text": (d) => `Tell the floor how ${d} will vote on bracketed text`,
    signing: (d) => `Tell the floor whether ${d} signs, and why`,
    debrief: (d) => `Tell the class what ${d} wanted and what it got`,
  },
  drafter: {
    briefing: (d) => `Pick the cards ${d} will table first`,
    opening: (d) => `Note what the others want: you will write ${d}'s text`,
    negotiation: (d) => `Table and amend provisions for ${d}`,
    "final-text": (d) => `Check the wording of every provision before the text is frozen for ${d}`,
    signing: (d) => `Read the final text for ${d}'s head: what it says and what it leaves out`,
    debrief: (d) => `Find which of ${d}'s words survived`,
  },
  liaison: {
    briefing: (d) => `Work out which delegations may side with ${d}`,
    opening: (d) => `Listen for delegations that may side with ${d}`,
    negotiation: () => "Open private channels and sound out other delegations",
    "final-text": (d) => `Line up votes for ${d} in private channels`,
    signing: () => "Find out privately who else will sign",
    debrief: () => "Tell the class what was agreed in private",
  },
  analyst: {
    briefing: (d) => `Learn ${d}'s secret brief: its priorities and red lines`,
    opening: (d) => `Match what you hear to ${d}'s priorities`,
    negotiation: (d) => `Watch ${d}'s running score and warn of its red lines`,
    "final-text": (d) => `Tell your team what the text as it stands is worth to ${d}`,
    signing: (d) => `Tell the head what signing is worth to ${d}`,
    debrief: (d) => `Compare ${d}'s result with its walk-away`,
  },
};

/** A head with nobody else in the delegation does every job: said so where it differs. */
const ALONE: Readonly<Partial<Record<PhaseId, (d: string) => string>>> = {
  briefing: (d) => `Read ${d}'s secret brief: you are the whole delegation`,
  opening: (d) => `Give ${d}'s opening statement on the floor`,
  negotiation: (d) => `Table, amend and argue for ${d}: you are the whole delegation`,
};

/** One line for a student's screen: "Drafter: Table and amend provisions for Japan". */
export function dutyLine(duty: Duty, phase: PhaseId, delegationName: string, alone = false): string {
  const work = (duty === "head" && alone ? ALONE[phase] : undefined) ?? WORK[duty][phase];
  return `${DUTY_TITLES[duty]}: ${work(delegationName)}`;
}

export const isJob = (x: string): x is JobName => (JOBS as readonly string[]).includes(x);
