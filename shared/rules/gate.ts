// The chain of checks every command passes before its own rules run:
// session ended, who may send it (system or seat), role, then phase.
import { CLIENT_ACTION_TYPES } from "../protocol.ts";
import type { Seat, SessionState } from "../state.ts";
import type { Actor } from "./api.ts";
import { seatOf } from "./lookup.ts";
import {
  ACTION_WORDS,
  AFTER_END_ACTIONS,
  DELEGATE_ACTIONS,
  HOST_ACTION_PHASES,
  PHASE_ACTIONS,
  SYSTEM_ACTIONS,
  phaseTitle,
  phasesAllowing,
  phasesPhrase,
  type DelegateActionType,
  type HostActionType,
} from "./phase-table.ts";
import { refuse, type Refusal } from "./refuse.ts";

const CLIENT_TYPES: ReadonlySet<string> = new Set(CLIENT_ACTION_TYPES);

/** The acting seat (null for the system), or the first check that refuses. */
export function gate(s: SessionState, actor: Actor, type: string): { seat: Seat | null } | Refusal {
  if (s.ended && !AFTER_END_ACTIONS.has(type))
    return refuse("SESSION_ENDED", "This session has ended, so nothing more can change.");
  if (actor.kind === "system") {
    return SYSTEM_ACTIONS.has(type) ? { seat: null } : refuse("BAD_MESSAGE", "The server can't do that on its own.");
  }
  if (!CLIENT_TYPES.has(type)) return refuse("BAD_MESSAGE", "That is not something a player can ask for.");
  const seat = seatOf(s, actor.seat);
  if (!seat) return refuse("UNKNOWN_SEAT", "Your seat is no longer in this session. Join again.");
  const words = ACTION_WORDS[type as keyof typeof ACTION_WORDS];

  if (DELEGATE_ACTIONS.has(type)) {
    if (seat.role === "host" && type === "say") return { seat };
    if (seat.role !== "delegate" || !seat.delegation)
      return refuse(
        "NOT_DELEGATE",
        `Only delegates can ${words}. ${seat.role === "host" ? "As the host" : "As an observer"} you can't.`,
      );
    if (!PHASE_ACTIONS[s.phase].includes(type as DelegateActionType)) {
      const allowed = phasesAllowing(type as DelegateActionType);
      return refuse("WRONG_PHASE", `You can ${words} only ${phasesPhrase(allowed)}. Now it is ${phaseTitle(s.phase)}.`);
    }
    return { seat };
  }

  if (seat.role !== "host") return refuse("NOT_HOST", `Only the host can ${words}.`);
  const phases = HOST_ACTION_PHASES[type as HostActionType];
  if (phases && !phases.includes(s.phase))
    return refuse("WRONG_PHASE", `You can ${words} only ${phasesPhrase(phases)}. Now it is ${phaseTitle(s.phase)}.`);
  return { seat };
}
