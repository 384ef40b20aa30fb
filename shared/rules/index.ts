// The negotiation rules, pure: what the server, the client and the tests import.
export type { Actor, Command, Context, GameEvent, Result, SystemAction } from "./api.ts";
export { createSession, type CreateSessionInput } from "./session.ts";
export { applyAction } from "./apply.ts";
export { viewFor, audienceOf, audienceOfSeat, audienceKey } from "./view.ts";
export { canAct } from "./can-act.ts";
export {
  PHASE_ACTIONS,
  HOST_ACTION_PHASES,
  DELEGATE_ACTIONS,
  SYSTEM_ACTIONS,
  ACTION_WORDS,
  type DelegateActionType,
  type HostActionType,
} from "./phase-table.ts";
export { isBracketed, currentText, currentVersion } from "./provision-reading.ts";
export { words, applyEdit, wordDiff, editFromTexts, type DiffPart } from "./words.ts";
export { rebaseEdit, passes, tally } from "./decide.ts";
export { versionHash, sha256Hex } from "./hash.ts";
export { computeDebrief, validSigners } from "./debrief.ts";
export {
  RED_LINE_PENALTY,
  valuation,
  resultOf,
  maximumOf,
  outcomeOf,
  priorityWords,
  countsAsCard,
  type Scored,
  type Valuation,
  type Outcome,
} from "./score.ts";
export { commonsMeter, stabilityMeter } from "./meters.ts";
export { resultWords } from "./result-words.ts";
export { standingOf } from "./standing.ts";
export { signatureCounts } from "./signing.ts";
export type { Refusal } from "./refuse.ts";
