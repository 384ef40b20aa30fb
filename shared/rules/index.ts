// The negotiation rules, pure: what the server, the client and the tests import.
export type { Actor, Command, Context, GameEvent } from "./api.ts";
export { createSession } from "./session.ts";
export { applyAction } from "./apply.ts";
export { viewFor, audienceOf, audienceOfSeat, audienceKey } from "./view.ts";
export { canAct } from "./can-act.ts";
export { PHASE_ACTIONS, DELEGATE_ACTIONS } from "./phase-table.ts";
export { isBracketed, currentText } from "./provision-reading.ts";
export { words, applyEdit, wordDiff, editFromTexts } from "./words.ts";
export { rebaseEdit } from "./decide.ts";
export { versionHash, sha256Hex } from "./hash.ts";
export { computeDebrief } from "./debrief.ts";
export { RED_LINE_PENALTY, valuation } from "./score.ts";
export { signatureCounts } from "./signing.ts";
