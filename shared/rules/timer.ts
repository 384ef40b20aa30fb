// The phase timer. The clock comes in through the context; the deadline
// passing is itself an action the server sends, so a replay meets it again.
import { PHASES } from "../scenario.ts";
import type { Timer } from "../state.ts";
import { accept, event, type ActionOf, type Handler } from "./context.ts";
import { movePhase, planOf } from "./phases.ts";
import { phaseTitle } from "./phase-table.ts";
import { refuse } from "./refuse.ts";

const minutesMs = (minutes: number) => Math.round(minutes * 60_000);
const timerEvent = (timer: Timer, text: string) => event("timer", text, { timer });
const notRunning = () => refuse("TIMER_NOT_RUNNING", "The timer is not running.");

export const timerStart: Handler<ActionOf<"timer.start">> = (s, a, w) => {
  if (s.lesson?.adjourned) return refuse("ADJOURNED", "The session is adjourned. Reconvene it to run the clock.");
  const minutes = a.minutes ?? planOf(s, s.phase)?.minutes;
  if (minutes === undefined) return refuse("BAD_MESSAGE", "Say how many minutes the timer should run.");
  const durationMs = minutesMs(minutes);
  const timer: Timer = { state: "running", endsAt: w.t + durationMs, durationMs };
  return accept({ ...s, timer }, [timerEvent(timer, `The timer started: ${minutes} minutes.`)]);
};

export const timerExtend: Handler<ActionOf<"timer.extend">> = (s, a, w) => {
  const ms = minutesMs(a.minutes);
  const old = s.timer;
  if (s.lesson?.adjourned && old.state !== "paused")
    return refuse("ADJOURNED", "The session is adjourned. Reconvene it to run the clock.");
  let timer: Timer;
  if (old.state === "running") timer = { ...old, endsAt: old.endsAt + ms, durationMs: old.durationMs + ms };
  else if (old.state === "paused")
    timer = { ...old, remainingMs: old.remainingMs + ms, durationMs: old.durationMs + ms };
  else if (old.state === "expired") timer = { state: "running", endsAt: w.t + ms, durationMs: ms };
  else return refuse("TIMER_NOT_RUNNING", "The timer is off: start it before adding time.");
  return accept({ ...s, timer }, [timerEvent(timer, `The host added ${a.minutes} minutes.`)]);
};

export const timerPause: Handler<ActionOf<"timer.pause">> = (s, _a, w) => {
  if (s.timer.state !== "running") return notRunning();
  const timer: Timer = {
    state: "paused",
    remainingMs: Math.max(0, s.timer.endsAt - w.t),
    durationMs: s.timer.durationMs,
  };
  return accept({ ...s, timer }, [timerEvent(timer, "The timer is paused.")]);
};

export const timerResume: Handler<ActionOf<"timer.resume">> = (s, _a, w) => {
  // Adjourning paused the clock; only reconvening runs it again, so students never see a running
  // timer under an "adjourned" notice.
  if (s.lesson?.adjourned) return refuse("ADJOURNED", "The session is adjourned. Reconvene it to run the clock.");
  if (s.timer.state !== "paused")
    return refuse("TIMER_NOT_PAUSED", "The timer is not paused, so there is nothing to resume.");
  const timer: Timer = { state: "running", endsAt: w.t + s.timer.remainingMs, durationMs: s.timer.durationMs };
  return accept({ ...s, timer }, [timerEvent(timer, "The timer is running again.")]);
};

export const timerStop: Handler<ActionOf<"timer.stop">> = (s) => {
  if (s.timer.state === "off") return refuse("TIMER_NOT_RUNNING", "The timer is already off.");
  const timer: Timer = { state: "off" };
  return accept({ ...s, timer }, [timerEvent(timer, "The timer is off.")]);
};

export const timerDeadline: Handler<ActionOf<"timer.deadline">> = (s, _a, w) => {
  if (s.timer.state !== "running" || w.t < s.timer.endsAt)
    return refuse("DEADLINE_NOT_REACHED", "The phase timer has not run out yet.");
  const next = PHASES[PHASES.indexOf(s.phase) + 1];
  if (planOf(s, s.phase)?.onExpire === "advance" && next) {
    return accept(movePhase(s, next, w.t), [
      event("phase", `Time is up: ${phaseTitle(next)} has begun.`, { phase: next }),
    ]);
  }
  const timer: Timer = { state: "expired", durationMs: s.timer.durationMs };
  return accept({ ...s, timer }, [timerEvent(timer, `Time is up for ${phaseTitle(s.phase)}.`)]);
};

export const timerRestore: Handler<ActionOf<"timer.restore">> = (s, a, w) => {
  if (s.timer.state !== "running") return notRunning();
  if (!Number.isFinite(a.remainingMs) || a.remainingMs < 0)
    return refuse("BAD_MESSAGE", "The time left must be zero or more.");
  const timer: Timer = { ...s.timer, endsAt: w.t + a.remainingMs };
  return accept({ ...s, timer }, [timerEvent(timer, "The timer goes on after a restart.")]);
};
