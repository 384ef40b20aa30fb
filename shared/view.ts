// What one audience may see of a session. The rules' `viewFor` builds it; the
// server sends it (and patches to it) to every client of that audience; the
// client draws only from it. Secrets are removed here, nowhere else.
import type { Brief, Delegation, Inject, Scenario } from "./scenario.ts";
import type { Channel, Reflection, Seat, SessionState } from "./state.ts";
import type { AmendmentId, DelegationId, InstrumentId, ProvisionId } from "./ids.ts";

/**
 * Who is looking. Delegates of one delegation share a view (their own seat
 * and rejoin code reach them in the `welcome` message); the host sees
 * everything; the observer (projector) sees only what is public.
 */
export type Audience = { kind: "host" } | { kind: "observer" } | { kind: "delegation"; delegation: DelegationId };

export type PublicSeat = Omit<Seat, "token" | "rejoinCode" | "lastSeq"> & {
  isHead: boolean;
  /** Only in the host's view. */
  rejoinCode?: string;
};

export type DelegationView = Omit<Delegation, "brief"> & {
  /** Present for the delegation itself, for the host, and for everyone once the debrief reveals it. */
  brief?: Brief;
};

export type ScenarioView = Omit<Scenario, "delegations" | "injects"> & {
  delegations: DelegationView[];
  /** The host sees every inject; everyone else only those released. */
  injects: Inject[];
};

export type SessionView = Omit<
  SessionState,
  "scenario" | "seats" | "channels" | "nextId" | "reflections" | "reflectionsShown"
> & {
  audience: Audience;
  scenario: ScenarioView;
  seats: PublicSeat[];
  /** Only the channels this audience may read. */
  channels: Channel[];
  /** True once the debrief has revealed briefs and private channels to all. */
  revealed: boolean;
  /** Secret: only in a delegation's own view, its running score of every text it may sign. */
  standing?: Standing;
  /** Only in the host's view: every student's answers to the debrief questions, with names. */
  reflections?: Reflection[];
  /** In every view while the host shows the answers in the debrief: each question's answers, without names. */
  shownReflections?: ShownReflection[];
};

/** One debrief question's answers as the class may see them: the texts alone, in alphabetical order. */
export interface ShownReflection {
  question: number;
  answers: string[];
}

/** A delegation's running score, by its own brief (see shared/rules/standing.ts). */
export interface Standing {
  delegation: DelegationId;
  walkAway: number;
  /** What the walk-away stands for, in words. */
  alternative: string;
  maximum: number;
  instruments: InstrumentStanding[];
}

export interface InstrumentStanding {
  instrument: InstrumentId;
  /** What the text as it stands is worth to the delegation (each priority once). */
  value: number;
  /** What the shared code would add if every delegation signed it (its "everyone signs" priority). */
  everyoneBonus: number;
  met: { words: string; weight: number; provision: ProvisionId | null }[];
  crossed: { tag: string; why: string; provision: ProvisionId; title: string }[];
  /** Its result if it signed the text as it stands and the text counted (a bloc agreement: its walk-away at most). */
  ifSigned: number;
  outcome: "above" | "at" | "below";
  /** Plain words for the head before signing (a red line, or worse than walking away); null when neither. */
  warning: string | null;
  /** Pending amendments that state tags: how much each would change the value, and whether it would cross a red line. */
  amendments: { amendment: AmendmentId; change: number; crossesRedLine: boolean }[];
}
