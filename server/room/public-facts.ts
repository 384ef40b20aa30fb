// What anyone may know of a session before joining it: the HTTP API answers
// GET /api/sessions/:code with it, and the room's listing carries it for other
// processes (server/scale/listing.ts). Pure: no Express, no Colyseus.
import { LIMITS } from "../../shared/limits.ts";
import type { SessionState } from "../../shared/state.ts";

/** What anyone may know of a session before joining it. */
export function publicFacts(state: SessionState) {
  const delegates = state.seats.filter((s) => s.role === "delegate");
  return {
    code: state.code,
    title: state.scenario.title,
    decisionRule: state.decisionRule,
    phase: state.phase,
    locked: state.locked,
    ended: state.ended,
    joinable: !state.locked && !state.ended && state.seats.length < LIMITS.seatsPerSession,
    delegations: state.scenario.delegations.map((d) => ({
      id: d.id,
      name: d.name,
      colour: d.colour,
      emblem: d.emblem,
      seated: delegates.filter((s) => s.delegation === d.id).length,
    })),
  };
}

export type PublicFacts = ReturnType<typeof publicFacts>;
