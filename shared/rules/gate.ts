// The chain of checks every command passes before its own rules run:
// session ended, who may send it (system or seat), role, then phase.
import { CLIENT_ACTION_TYPES, type ClientActionType } from "../protocol.ts";
import type { Seat, SessionState } from "../state.ts";
import type { Actor } from "./api.ts";
import { seatOf } from "./lookup.ts";
import {
  ACTION_WORDS,
  AFTER_END_ACTIONS,
  DELEGATE_ACTIONS,
  HEAD_OR_HOST_ACTIONS,
  HOST_ACTION_PHASES,
  SYSTEM_ACTIONS,
  phaseTitle,
  phasesAllowing,
  phasesPhrase,
  roleAndPhase,
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

  const delegateAction = DELEGATE_ACTIONS.has(type);
  switch (roleAndPhase(seat.role, !!seat.delegation, s.phase, type as ClientActionType)) {
    case "NOT_DELEGATE":
      return refuse(
        "NOT_DELEGATE",
        `Only delegates can ${words}. ${seat.role === "host" ? "As the host" : "As an observer"} you can't.`,
      );
    case "NOT_HOST":
      return refuse(
        "NOT_HOST",
        `Only the host${HEAD_OR_HOST_ACTIONS.has(type) ? " or a head of delegation" : ""} can ${words}.`,
      );
    case "WRONG_PHASE": {
      const allowed = delegateAction
        ? phasesAllowing(type as DelegateActionType)
        : HOST_ACTION_PHASES[type as HostActionType]!;
      return refuse("WRONG_PHASE", `You can ${words} only ${phasesPhrase(allowed)}. Now it is ${phaseTitle(s.phase)}.`);
    }
  }
  return { seat };
}
