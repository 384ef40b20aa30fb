// applyAction: the one entry point. Runs the chain of checks, then the
// action's own handler; stamps the clock on what it accepts.
import type { Actor, Command, Context, Result } from "./api.ts";
import type { SessionState } from "../state.ts";
import type { CommandType, Handler } from "./context.ts";
import { gate } from "./gate.ts";
import { refuse } from "./refuse.ts";
import { phaseBack, phaseNext, sessionEnd, sessionLock } from "./phases.ts";
import { timerDeadline, timerExtend, timerPause, timerRestore, timerResume, timerStart, timerStop } from "./timer.ts";
import {
  seatConnect,
  seatDisconnect,
  seatHand,
  seatJoin,
  seatKick,
  seatLeave,
  seatMakeHead,
  seatMove,
} from "./seats.ts";
import { instrumentOpen, provisionDraft, provisionTable, provisionWithdraw, stanceSet } from "./drafting.ts";
import { amendmentClose, amendmentConsent, amendmentPropose, amendmentVote, amendmentWithdraw } from "./amendments.ts";
import { bracketResolve, instrumentFreeze, instrumentUnfreeze, provisionRetag, voteCast, voteClose } from "./final.ts";
import { sign, signDecline } from "./signing.ts";
import { announce, channelOpen, say } from "./talk.ts";
import { injectRelease } from "./injects.ts";
import { chairAuto, computerOff, computerOn } from "./computer.ts";
import { seatRename, sessionAdjourn } from "./lesson.ts";
import { reflectionAnswer, reflectionShow } from "./reflection.ts";
import { seatJob } from "./jobs.ts";

const HANDLERS: { [T in CommandType]: Handler<Extract<Command, { type: T }>> } = {
  "phase.next": phaseNext,
  "phase.back": phaseBack,
  "timer.start": timerStart,
  "timer.extend": timerExtend,
  "timer.pause": timerPause,
  "timer.resume": timerResume,
  "timer.stop": timerStop,
  "timer.deadline": timerDeadline,
  "timer.restore": timerRestore,
  "session.lock": sessionLock,
  "session.end": sessionEnd,
  "session.adjourn": sessionAdjourn,
  announce,
  "inject.release": injectRelease,
  "seat.join": seatJoin,
  "seat.connect": seatConnect,
  "seat.disconnect": seatDisconnect,
  "seat.leave": seatLeave,
  "seat.move": seatMove,
  "seat.makeHead": seatMakeHead,
  "seat.hand": seatHand,
  "seat.kick": seatKick,
  "seat.rename": seatRename,
  "seat.job": seatJob,
  "amendment.close": amendmentClose,
  "bracket.resolve": bracketResolve,
  "vote.close": voteClose,
  "instrument.freeze": instrumentFreeze,
  "instrument.unfreeze": instrumentUnfreeze,
  "provision.retag": provisionRetag,
  "instrument.open": instrumentOpen,
  "provision.table": provisionTable,
  "provision.draft": provisionDraft,
  "provision.withdraw": provisionWithdraw,
  "stance.set": stanceSet,
  "amendment.propose": amendmentPropose,
  "amendment.withdraw": amendmentWithdraw,
  "amendment.vote": amendmentVote,
  "amendment.consent": amendmentConsent,
  "vote.cast": voteCast,
  sign,
  "sign.decline": signDecline,
  "channel.open": channelOpen,
  say,
  "computer.on": computerOn,
  "computer.off": computerOff,
  "chair.auto": chairAuto,
  "reflection.answer": reflectionAnswer,
  "reflection.show": reflectionShow,
};

/**
 * Applies one command for one actor. A refusal carries a code and plain words
 * and changes nothing; an accepted command gives the new state (sharing every
 * unchanged part with the old one) and the events it caused.
 */
export function applyAction(state: SessionState, actor: Actor, command: Command, ctx: Context): Result {
  const checked = gate(state, actor, command.type);
  if ("ok" in checked) return checked;
  const handler = HANDLERS[command.type] as Handler<Command> | undefined;
  if (!handler) return refuse("UNKNOWN_MESSAGE", "That action does not exist.");
  const t = Number.isFinite(ctx.now) ? Math.max(state.now, ctx.now) : state.now;
  let result: Result;
  try {
    result = handler(state, command, { seat: checked.seat, t, ...(ctx.fresh ? { fresh: ctx.fresh } : {}) });
  } catch {
    // A bug must not take the room down with it: refuse, and leave the state as it was.
    return refuse("INTERNAL", "Something went wrong on our side. Nothing was changed; please try again.");
  }
  if (!result.ok) return result;
  return { ...result, state: noteClientSeq({ ...result.state, now: t }, actor, ctx.clientSeq) };
}

/**
 * Exactly once: a seat remembers the highest client sequence number applied,
 * so an action resent after a reconnect is recognised (the server acks it
 * without applying it again). Kept in the state, so a replay restores it.
 */
function noteClientSeq(state: SessionState, actor: Actor, clientSeq: number | undefined): SessionState {
  if (clientSeq === undefined || actor.kind !== "seat") return state;
  const index = state.seats.findIndex((s) => s.id === actor.seat);
  const seat = state.seats[index];
  if (!seat || seat.lastSeq >= clientSeq) return state;
  const seats = state.seats.slice();
  seats[index] = { ...seat, lastSeq: clientSeq };
  return { ...state, seats };
}
