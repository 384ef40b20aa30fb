// Read-only lookups over the state, and the id counter. Nothing here changes
// anything; the handlers build new state from what these return.
import type { Amendment, Channel, Instrument, Provision, Seat, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";
import { refuse } from "./refuse.ts";

export const seatOf = (s: SessionState, id: string): Seat | undefined => s.seats.find((x) => x.id === id);
export const instrumentOf = (s: SessionState, id: string): Instrument | undefined =>
  s.instruments.find((x) => x.id === id);
export const provisionOf = (s: SessionState, id: string): Provision | undefined =>
  s.provisions.find((x) => x.id === id);
export const amendmentOf = (s: SessionState, id: string): Amendment | undefined =>
  s.amendments.find((x) => x.id === id);
export const channelOf = (s: SessionState, id: string): Channel | undefined => s.channels.find((x) => x.id === id);
export const delegationOf = (s: SessionState, id: string) => s.scenario.delegations.find((d) => d.id === id);
export const cardOf = (s: SessionState, id: string) => s.scenario.cards.find((c) => c.id === id);
export const injectOf = (s: SessionState, id: string) => s.scenario.injects.find((i) => i.id === id);

/** A delegation's display name, falling back to its id. */
export const nameOf = (s: SessionState, id: DelegationId): string => delegationOf(s, id)?.name ?? id;

/** Ids are a prefix and the session's one counter, so a journal replay mints the same ids. */
export function mint(s: SessionState, prefix: string): { id: string; nextId: number } {
  return { id: `${prefix}${s.nextId}`, nextId: s.nextId + 1 };
}

/** The delegations an instrument binds: its parties, or every delegation for the open code. */
export function partiesOf(s: SessionState, instrument: Instrument): DelegationId[] {
  return instrument.parties ?? s.scenario.delegations.map((d) => d.id);
}

export const isParty = (instrument: Instrument, delegation: DelegationId): boolean =>
  instrument.parties === null || instrument.parties.includes(delegation);

/** Delegations with at least one delegate seated (connected or not). An empty delegation abstains. */
export function seatedDelegations(s: SessionState): Set<DelegationId> {
  const out = new Set<DelegationId>();
  for (const seat of s.seats) if (seat.role === "delegate" && seat.delegation) out.add(seat.delegation);
  return out;
}

/** "Wei (head of China)", or a sentence saying there is no head right now. */
export function headPhrase(s: SessionState, delegation: DelegationId): string {
  const head = s.heads[delegation];
  const seat = head ? seatOf(s, head) : undefined;
  return seat
    ? `${seat.name} (head of ${nameOf(s, delegation)})`
    : `the head of ${nameOf(s, delegation)} (nobody right now)`;
}

/** Copy of `items` with the item of that id replaced; the other items keep their identity. */
export function replaced<T extends { id: string }>(items: T[], id: string, change: (item: T) => T): T[] {
  return items.map((item) => (item.id === id ? change(item) : item));
}

export const quoted = (title: string): string => `“${title}”`;

/** A refusal naming the first tag the scenario does not use, or null when every tag is known. */
export function unknownTag(s: SessionState, tags: readonly string[]) {
  const known = new Set(s.scenario.cards.flatMap((c) => c.tags));
  const stray = tags.find((t) => !known.has(t));
  return stray === undefined
    ? null
    : refuse("BAD_MESSAGE", `The tag "${stray}" is not used in this scenario. Pick tags from the list.`);
}
