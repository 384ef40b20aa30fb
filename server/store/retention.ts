// Sessions are personal-ish data (display names, chat): keep them only as
// long as a teacher plausibly needs them, then delete them without asking.
import type { SessionStore } from "./types.ts";

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** RETENTION_DAYS from the environment: a positive number, else the default. */
export function retentionDaysFrom(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.RETENTION_DAYS);
  return Number.isFinite(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS;
}

/** Deletes every session idle for more than `days`; returns their codes. */
export function sweepIdleSessions(store: Pick<SessionStore, "deleteIdleSince">, days: number, now: number): string[] {
  return store.deleteIdleSince(now - days * DAY_MS);
}

export interface RetentionOptions {
  days?: number;
  now?: () => number;
  intervalMs?: number;
  /** Told the codes removed, so the server can close their rooms. */
  onDeleted?: (codes: string[]) => void;
  /** Told of a failed sweep (the next one tries again). */
  onError?: (err: unknown) => void;
}

export interface Retention {
  /** Codes removed by the sweep at start. */
  removedAtStart: string[];
  /** Runs a sweep now (also what the daily timer calls). */
  sweep(): string[];
  stop(): void;
}

/** Sweeps once now and then daily; the interval never keeps the process alive. */
export function startRetention(store: Pick<SessionStore, "deleteIdleSince">, opts: RetentionOptions = {}): Retention {
  const days = opts.days ?? retentionDaysFrom();
  const now = opts.now ?? Date.now;
  const sweep = (): string[] => {
    try {
      const codes = sweepIdleSessions(store, days, now());
      if (codes.length > 0) opts.onDeleted?.(codes);
      return codes;
    } catch (err) {
      opts.onError?.(err);
      return [];
    }
  };
  const removedAtStart = sweep();
  const timer = setInterval(sweep, opts.intervalMs ?? DAY_MS);
  timer.unref();
  return { removedAtStart, sweep, stop: () => clearInterval(timer) };
}
