// Whether a seat may ask for an action now, for the pages to show a control
// only when it would be accepted: the gate's role and phase checks (one table,
// shared/rules/phase-table.ts) and the few facts of the session they add. It
// reads what a seat's own view holds as well as the state, and imports no zod,
// so the pages use it. The server still decides.
import type { ClientActionType } from "../protocol.ts";
import type { PhaseId } from "../phases.ts";
import type { Role } from "../state.ts";
import { AFTER_END_ACTIONS, roleAndPhase } from "./phase-table.ts";

/** The part of a session (its state, or any audience's view of it) that canAct reads. */
export interface ActingSession {
  phase: PhaseId;
  ended: boolean;
  seats: readonly { id: string; role: Role; delegation?: string | null | undefined }[];
  heads: Readonly<Record<string, string | null>>;
  scenario: { phases: readonly { phase: PhaseId; privateChannels?: boolean | undefined }[] };
}

export function canAct(s: ActingSession, seatId: string, type: ClientActionType): boolean {
  if (s.ended && !AFTER_END_ACTIONS.has(type)) return false;
  const seat = s.seats.find((x) => x.id === seatId);
  if (!seat || roleAndPhase(seat.role, !!seat.delegation, s.phase, type) !== null) return false;
  if (type === "channel.open") return s.scenario.phases.find((p) => p.phase === s.phase)?.privateChannels === true;
  if (type === "sign" || type === "sign.decline" || type === "vote.cast")
    return s.heads[seat.delegation ?? ""] === seatId;
  if (type === "seat.job") return seat.role === "host" || s.heads[seat.delegation ?? ""] === seatId;
  return true;
}
