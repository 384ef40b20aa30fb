// The class's outcome meters, so that they mean what they say:
// - Global commons: the shared code pulls the Internet together in
//   proportion to how many delegations signed it (its cards' leanings tilt
//   that by up to a third); delegations whose only counting instrument is a
//   bloc pact pull it apart. With no code at all the Internet drifts towards
//   national cyberspaces (the article's "balkanized collection"). So every
//   bloc-only outcome reads lower than every code that all but one signed.
// - Stability: each card's effect, weighted by the widest share of
//   delegations that signed it, against the sum of every stabilising card in
//   the scenario: a handful of cards cannot fill the meter.
import type { Scenario } from "../scenario.ts";
import { cardsById } from "./score.ts";

const clamp = (x: number) => Math.max(-1, Math.min(1, x));
const percent = (x: number) => Math.round(clamp(x) * 100);

/** The sum of the positive effects of every card in the scenario on one meter (at least 1). */
export function positiveTotal(s: Scenario, key: "commons" | "stability"): number {
  return Math.max(
    1,
    s.cards.reduce((sum, c) => sum + Math.max(0, c.meters[key]), 0),
  );
}

/**
 * -100 (national cyberspaces) to +100 (a global commons).
 * `codeCards`: cards the counting shared code holds (each once); `codeSigners`: its valid signers (0 if it does not count);
 * `blocOnly`: delegations whose only counting instruments are bloc agreements.
 */
export function commonsMeter(s: Scenario, codeCards: readonly string[], codeSigners: number, blocOnly: number): number {
  const delegations = Math.max(1, s.delegations.length);
  const cards = cardsById(s);
  const lean = clamp(
    codeCards.reduce((sum, id) => sum + (cards.get(id)?.meters.commons ?? 0), 0) / positiveTotal(s, "commons"),
  );
  const share = codeSigners >= 2 ? codeSigners / delegations : 0;
  return percent(-0.5 + share * (0.7 + 0.3 * lean) - 0.5 * (blocOnly / delegations));
}

/** -100 (unstable) to +100 (stable). `cardShares`: for each card in a counting instrument, the widest share of delegations that signed one holding it. */
export function stabilityMeter(s: Scenario, cardShares: ReadonlyMap<string, number>): number {
  const cards = cardsById(s);
  let sum = 0;
  for (const [id, share] of cardShares) sum += (cards.get(id)?.meters.stability ?? 0) * share;
  return percent(sum / positiveTotal(s, "stability"));
}
