// Classroom pace: each delegate acts every 5 to 10 seconds (uniformly at
// random, so 7.5 s on average: 4 actions a second in a room of 30), and one
// action in ten is a burst of three chat lines 300 ms apart. The first
// action of each delegate falls at a random moment of the first interval so
// the rooms do not act in step.
import { between, type Rng } from "../lib/rng.ts";

export interface Pacer {
  stop(): void;
}

export function pace(rng: Rng, seconds: number, act: (burstIndex: number | null) => void): Pacer {
  const timers = new Set<NodeJS.Timeout>();
  const end = Date.now() + seconds * 1000;
  let stopped = false;
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  };
  const next = (delay: number) =>
    later(delay, () => {
      if (Date.now() >= end) return;
      if (rng() < 0.1) for (let i = 0; i < 3; i++) later(i * 300, () => act(i));
      else act(null);
      next(between(rng, 5000, 10_000));
    });
  next(between(rng, 0, 7500));
  return {
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
