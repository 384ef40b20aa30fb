// What one audience may see of a session. The rules' `viewFor` builds it; the
// server sends it (and patches to it) to every client of that audience; the
// client draws only from it. Secrets are removed here, nowhere else.
import type { Brief, Delegation, Inject, Scenario } from "./scenario.ts";
import type { Channel, Seat, SessionState } from "./state.ts";
import type { DelegationId } from "./ids.ts";

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

export type SessionView = Omit<SessionState, "scenario" | "seats" | "channels" | "nextId"> & {
  audience: Audience;
  scenario: ScenarioView;
  seats: PublicSeat[];
  /** Only the channels this audience may read. */
  channels: Channel[];
  /** True once the debrief has revealed briefs and private channels to all. */
  revealed: boolean;
};
