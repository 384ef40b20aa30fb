// The one rule for a running timer after a restart, used by the session and
// tested with the heartbeat that supplies `lastSeen` (server/store/sqlite-heartbeat.ts).
import type { Timer } from "../../shared/state.ts";

/**
 * Time a timer had left when the server was last alive, for the rules'
 * `timer.restore` action; null when the timer was not running (a paused
 * timer keeps its own `remainingMs` and needs nothing).
 */
export function timeLeftAtStop(timer: Timer, lastSeen: number | null, stateNow: number): number | null {
  if (timer.state !== "running") return null;
  // No heartbeat (a store from before heartbeats): the last applied action is the best we know.
  const aliveAt = Math.max(lastSeen ?? stateNow, stateNow);
  return Math.max(0, timer.endsAt - aliveAt);
}
