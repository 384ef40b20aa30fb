// A small seeded generator (mulberry32): the same seed gives the same session
// script and the same client pacing, so two runs load the server alike.
import { seeded, type Rng } from "../../shared/seeded.ts";

export { seeded, type Rng };

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const between = (rng: Rng, lo: number, hi: number): number => lo + rng() * (hi - lo);
