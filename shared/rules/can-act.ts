// For clients to grey out buttons: the same chain of checks the rules run,
// without the action's own details. The server still decides.
import type { ClientActionType } from "../protocol.ts";
import type { SessionState } from "../state.ts";
import type { SeatId } from "../ids.ts";
import { gate } from "./gate.ts";
import { planOf } from "./phases.ts";

export function canAct(state: SessionState, seat: SeatId, actionType: ClientActionType): boolean {
  const checked = gate(state, { kind: "seat", seat }, actionType);
  if ("ok" in checked) return false;
  if (actionType === "channel.open") return planOf(state, state.phase)?.privateChannels === true;
  if (actionType === "sign" || actionType === "vote.cast") return state.heads[checked.seat?.delegation ?? ""] === seat;
  return true;
}
