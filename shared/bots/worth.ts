// What a provision, an amendment or a frozen text is worth to one delegation,
// by the rules' own scoring (shared/rules/score.ts) over its own brief only:
// the priorities met (each once), the red lines crossed, its walk-away.
import type { Brief, Scenario } from "../scenario.ts";
import type { ScenarioView } from "../view.ts";
import { valuation, type Scored } from "../rules/score.ts";

type Readable = Scored;

export interface Reading {
  value: number;
  /** Tags of the brief's red lines this text carries. */
  redLines: string[];
}

// The scoring reads only the cards and their tags from the scenario, which every audience sees.
const asScenario = (s: ScenarioView) => s as unknown as Scenario;

/** One provision on its own. */
export function worthOf(s: ScenarioView, brief: Brief, r: Readable): Reading {
  return worthOfText(s, brief, [r], false);
}

/** A whole text: each priority counts once however many provisions meet it. */
export function worthOfText(
  s: ScenarioView,
  brief: Brief,
  provisions: readonly Readable[],
  everyoneSigned: boolean,
): Reading {
  const v = valuation(asScenario(s), brief, provisions, everyoneSigned);
  return { value: v.value, redLines: v.crossed.map((c) => c.tag) };
}

/** The brief's walk-away value: what its best alternative to the shared code gives it. */
export const walkAwayOf = (brief: Brief): number => brief.walkAway.value;

/** "content-control" → "content control": a tag in plain words. */
export const tagWords = (tag: string): string => tag.replace(/-/g, " ");
