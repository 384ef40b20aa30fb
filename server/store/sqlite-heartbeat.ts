// How long a running phase timer had left when the server stopped.
//
// Choice: a process-level heartbeat row (table `heartbeats`, one row per
// process name) touched every few seconds and once more on a graceful stop.
// After a kill -9 the last heartbeat is the latest moment the server is known
// to have been alive; a timer running then had `endsAt - lastSeen` left.
// The error is at most one interval, always in the students' favour (the
// downtime between the last beat and the crash is given back, not taken).
// A per-session `updatedAt` would not do: it only moves when someone acts,
// and a quiet class with a running timer would lose the whole quiet spell.
import { DEFAULT_PROCESS, type SqliteSessionStore } from "./sqlite.ts";

export const HEARTBEAT_MS = 2_000;

export interface Heartbeat {
  /** The heartbeat as it was when this process started: when the previous process was last alive. */
  previousLastSeen: number | null;
  /** Stops the interval and writes one last beat (call before closing the store). */
  stop(): void;
}

export function startHeartbeat(
  store: Pick<SqliteSessionStore, "heartbeat" | "lastSeen">,
  opts: { intervalMs?: number; now?: () => number; process?: string } = {},
): Heartbeat {
  const now = opts.now ?? Date.now;
  const name = opts.process ?? DEFAULT_PROCESS;
  const previousLastSeen = store.lastSeen(name);
  const beat = () => {
    try {
      store.heartbeat(now(), name);
    } catch {
      // The store is closing or the disk is full: the next beat tries again.
    }
  };
  beat();
  const timer = setInterval(beat, opts.intervalMs ?? HEARTBEAT_MS);
  timer.unref();
  return {
    previousLastSeen,
    stop() {
      clearInterval(timer);
      beat();
    },
  };
}

// Kept beside the clock that feeds it; the session imports it without SQLite.
export { timeLeftAtStop } from "./time-left.ts";
