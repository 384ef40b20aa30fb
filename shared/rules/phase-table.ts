// The explicit table of what each phase allows, and who may ask for what.
// The rules' gate refuses by it; the pages show a control only when it allows
// the action (through canAct). Free of zod, so the pages can import it.
import { PHASES, PHASE_TITLES, type PhaseId } from "../phases.ts";
import type { ClientActionType } from "../protocol.ts";
import type { Role } from "../state.ts";
import type { SystemAction } from "./api.ts";

export type DelegateActionType = Extract<
  ClientActionType,
  | "instrument.open"
  | "provision.table"
  | "provision.draft"
  | "provision.withdraw"
  | "stance.set"
  | "amendment.propose"
  | "amendment.withdraw"
  | "amendment.vote"
  | "vote.cast"
  | "sign"
  | "sign.decline"
  | "channel.open"
  | "say"
  | "reflection.answer"
>;
export type HostActionType = Exclude<ClientActionType, DelegateActionType>;

/** Delegate actions each phase allows. Briefing allows `say` in team channels only (checked by `say`). */
export const PHASE_ACTIONS: Readonly<Record<PhaseId, readonly DelegateActionType[]>> = {
  briefing: ["say"],
  opening: ["say"],
  negotiation: [
    "instrument.open",
    "provision.table",
    "provision.draft",
    "provision.withdraw",
    "stance.set",
    "amendment.propose",
    "amendment.withdraw",
    "amendment.vote",
    "channel.open",
    "say",
  ],
  // In Final text a delegation may still object to a provision tabled or changed at the last minute.
  "final-text": ["provision.withdraw", "stance.set", "vote.cast", "say"],
  signing: ["sign", "sign.decline", "say"],
  debrief: ["say", "reflection.answer"],
};

/** Host actions bound to a phase; every other host action works in any phase. */
export const HOST_ACTION_PHASES: Readonly<Partial<Record<HostActionType, readonly PhaseId[]>>> = {
  "amendment.close": ["negotiation"],
  "bracket.resolve": ["final-text"],
  "vote.close": ["final-text"],
  "instrument.freeze": ["final-text"],
  "instrument.unfreeze": ["final-text"],
  "provision.retag": ["final-text"],
  "reflection.show": ["debrief"],
};

/** Every action a delegate may take in some phase: the phase table says which, and when. */
export const DELEGATE_ACTIONS: ReadonlySet<string> = new Set<DelegateActionType>(Object.values(PHASE_ACTIONS).flat());

export const SYSTEM_ACTIONS: ReadonlySet<string> = new Set<SystemAction["type"]>([
  "seat.join",
  "seat.connect",
  "seat.disconnect",
  "seat.leave",
  "timer.deadline",
  "amendment.consent",
  "timer.restore",
]);

/** Actions the host may take for any delegation, and a head of delegation for its own (the handler checks which). */
export const HEAD_OR_HOST_ACTIONS: ReadonlySet<string> = new Set<ClientActionType>(["seat.job"]);

/** Actions that still work once the session has ended (people come and go from the final screen). */
export const AFTER_END_ACTIONS: ReadonlySet<string> = new Set(["seat.connect", "seat.disconnect", "seat.leave"]);

/** What an action is called in a refusal message: "You can <words> only during ...". */
export const ACTION_WORDS: Readonly<Record<ClientActionType, string>> = {
  "phase.next": "move to the next phase",
  "phase.back": "go back a phase",
  "timer.start": "start the timer",
  "timer.extend": "add time",
  "timer.pause": "pause the timer",
  "timer.resume": "resume the timer",
  "timer.stop": "stop the timer",
  "session.lock": "lock or unlock joining",
  "session.end": "end the session",
  "session.adjourn": "adjourn or reconvene the session",
  announce: "make an announcement",
  "inject.release": "release news",
  "seat.move": "move a delegate",
  "seat.makeHead": "choose a head of delegation",
  "seat.hand": "hand a seat to someone else",
  "seat.kick": "remove a seat",
  "seat.rename": "rename a seat",
  "seat.job": "hand out jobs in a delegation",
  "amendment.close": "close the vote on an amendment",
  "bracket.resolve": "resolve bracketed text",
  "vote.close": "close a vote on bracketed text",
  "instrument.freeze": "freeze a text",
  "instrument.unfreeze": "unfreeze a text",
  "provision.retag": "change what a provision counts for",
  "computer.on": "switch on a computer delegation",
  "computer.off": "switch off a computer delegation",
  "chair.auto": "let the computer chair the session",
  "instrument.open": "open a new agreement",
  "provision.table": "table a provision",
  "provision.draft": "draft a provision",
  "provision.withdraw": "withdraw a provision",
  "stance.set": "take a stance on a provision",
  "amendment.propose": "propose an amendment",
  "amendment.withdraw": "withdraw an amendment",
  "amendment.vote": "vote on an amendment",
  "vote.cast": "vote on bracketed text",
  sign: "sign",
  "sign.decline": "decline to sign",
  "channel.open": "open a private channel",
  say: "talk",
  "reflection.answer": "answer the debrief questions",
  "reflection.show": "show the class's answers",
};

export const phaseTitle = (phase: PhaseId): string => PHASE_TITLES[phase];

/** "during Negotiation" or "during Final text or Signing". */
export function phasesPhrase(phases: readonly PhaseId[]): string {
  return `during ${phases.map(phaseTitle).join(" or ")}`;
}

/** The phases in which delegates may take an action. */
export const phasesAllowing = (type: DelegateActionType): PhaseId[] =>
  PHASES.filter((p) => PHASE_ACTIONS[p].includes(type));

/**
 * The gate's role and phase checks as a code: null when a seat in this role
 * may ask for `type` in this phase. The gate turns a code into a refusal in
 * words; canAct into a shown or hidden control.
 */
export function roleAndPhase(
  role: Role,
  inDelegation: boolean,
  phase: PhaseId,
  type: ClientActionType,
): "NOT_DELEGATE" | "NOT_HOST" | "WRONG_PHASE" | null {
  if (DELEGATE_ACTIONS.has(type)) {
    if (role === "host" && type === "say") return null;
    if (role !== "delegate" || !inDelegation) return "NOT_DELEGATE";
    return PHASE_ACTIONS[phase].includes(type as DelegateActionType) ? null : "WRONG_PHASE";
  }
  if (HEAD_OR_HOST_ACTIONS.has(type) && role === "delegate" && inDelegation) return null;
  if (role !== "host") return "NOT_HOST";
  const phases = HOST_ACTION_PHASES[type as HostActionType];
  return phases && !phases.includes(phase) ? "WRONG_PHASE" : null;
}
