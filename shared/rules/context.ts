// What every action handler receives, and the small constructors they share.
import type { Command, GameEvent, Result } from "./api.ts";
import type { Audience } from "../view.ts";
import type { Seat, SessionState, TimelineEntry } from "../state.ts";
import type { DelegationId, InstrumentId, ProvisionId } from "../ids.ts";

export type CommandType = Command["type"];
export type ActionOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Who is acting and when. `seat` is null for the system; `t` never goes backwards. */
export interface Who {
  seat: Seat | null;
  t: number;
  fresh?: { tokenHash: string; rejoinCode: string };
}

export type Handler<A> = (s: SessionState, a: A, w: Who) => Result;

export const accept = (state: SessionState, events: GameEvent[] = []): Result => ({ ok: true, state, events });

export const event = (
  type: string,
  text: string,
  extra: Record<string, unknown> = {},
  audience: Audience[] | "all" = "all",
): GameEvent => ({ ...extra, type, text, audience });

/** The acting seat's delegation; the chain of checks guarantees delegate handlers have one. */
export function mine(w: Who): DelegationId {
  const d = w.seat?.delegation;
  if (!d) throw new Error("a delegate action reached its handler without a delegation");
  return d;
}

/** A new timeline with one public line appended. */
export function logged(
  s: SessionState,
  t: number,
  kind: string,
  text: string,
  ref: {
    delegation?: DelegationId | null;
    provision?: ProvisionId | null;
    instrument?: InstrumentId | null;
    version?: number | null;
  } = {},
): TimelineEntry[] {
  return [
    ...s.timeline,
    {
      at: t,
      kind,
      text,
      delegation: ref.delegation ?? null,
      provision: ref.provision ?? null,
      instrument: ref.instrument ?? null,
      version: ref.version ?? null,
    },
  ];
}
