// When a computer delegation acts: at a human pace in class (a few seconds to
// read and think before each move), far faster in tests and the bench. The
// pace multiplies every delay; 1 is a person, 0.001 is a test.
export interface BotScheduler {
  /** Runs `fn` after `ms` of human time (scaled by the pace); returns a way to cancel it. */
  after(ms: number, fn: () => void): () => void;
}

export function paceScheduler(pace = 1): BotScheduler {
  return {
    after(ms, fn) {
      const timer = setTimeout(fn, Math.max(0, ms * pace));
      timer.unref?.();
      return () => clearTimeout(timer);
    },
  };
}

/** Human time to read, think and act before a move: 4 to 10 seconds, and longer for a longer line. */
export function thinkingMs(random: number, line: string | null): number {
  return 4_000 + random * 6_000 + (line ? Math.min(6_000, line.length * 30) : 0);
}
