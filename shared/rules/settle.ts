// Votes decide themselves as soon as every delegation that can vote has voted:
// after a vote, and also when a seat leaves or moves (an empty delegation abstains).
import type { Vote } from "../protocol.ts";
import type { SessionState } from "../state.ts";
import type { GameEvent } from "./api.ts";
import { closeBracketVote, decideAmendment } from "./decide.ts";
import { instrumentOf, partiesOf, provisionOf, seatedDelegations } from "./lookup.ts";

/** Whether every party delegation with someone seated has voted. */
export function everyoneVoted(s: SessionState, instrumentId: string, votes: Record<string, Vote>): boolean {
  const instrument = instrumentOf(s, instrumentId);
  if (!instrument) return false;
  const seated = seatedDelegations(s);
  return partiesOf(s, instrument).every((d) => !seated.has(d) || votes[d] !== undefined);
}

/** Pending amendments whose deadline for silent consent has passed by `t` (consensus only: elsewhere there is none). */
export function consentDue(s: SessionState, t: number): boolean {
  return (
    s.phase === "negotiation" &&
    s.amendments.some((a) => a.status === "pending" && a.deadline !== null && t >= a.deadline)
  );
}

export function settleVotes(s: SessionState, t: number): { state: SessionState; events: GameEvent[] } {
  let state = s;
  const events: GameEvent[] = [];
  if (s.phase === "negotiation") {
    for (const { id } of s.amendments) {
      const a = state.amendments.find((x) => x.id === id);
      const p = a && provisionOf(state, a.provision);
      if (a?.status !== "pending" || !p) continue;
      // Decided when every seated party has voted, or (under consensus) when its deadline for silent consent has passed.
      const silenceDue = a.deadline !== null && t >= a.deadline;
      if (!silenceDue && !everyoneVoted(state, p.instrument, a.votes)) continue;
      const r = decideAmendment(state, id, t);
      state = r.state;
      events.push(...r.events);
    }
  }
  if (s.phase === "final-text") {
    for (const { id } of s.provisions) {
      const p = provisionOf(state, id);
      // A vote with no ballot yet waits for the host: nobody seated means nobody decided.
      if (!p?.vote || Object.keys(p.vote.votes).length === 0 || !everyoneVoted(state, p.instrument, p.vote.votes))
        continue;
      const r = closeBracketVote(state, id, t);
      state = r.state;
      events.push(...r.events);
    }
  }
  return { state, events };
}
