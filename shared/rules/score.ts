// What a text is worth to a delegation, by its own secret brief: the scoring
// table a real delegation carries. One definition, used by the debrief, by
// each delegation's running score and by the balance check.
//
// - A priority counts once, however many provisions or instruments meet it.
// - A delegation's result is the shared code's value to it when it validly
//   signed a code that counts (two or more valid signers); otherwise its
//   walk-away (its best alternative: a bloc pact gives at most that).
// - A red line crossed in anything it signed that counts leaves it below its
//   walk-away, whatever else the text gives it.
import type { Brief, Priority, ProvisionCard, Scenario } from "../scenario.ts";

/** Points below the walk-away for each red line crossed. */
export const RED_LINE_PENALTY = 5;

/** A provision as it is scored: where it came from and what it is tagged. */
export interface Scored {
  card: string | null;
  tags: readonly string[];
}

export interface Valuation {
  value: number;
  /** Priorities met, each once: `index` is the first provision meeting it (-1 for "everyone signs"). */
  met: { what: string; weight: number; index: number }[];
  /** Red-line tags carried, each once, with the first provision carrying it. */
  crossed: { tag: string; index: number }[];
}

const cardIndex = new WeakMap<Scenario, Map<string, ProvisionCard>>();
export function cardsById(s: Scenario): Map<string, ProvisionCard> {
  let map = cardIndex.get(s);
  if (!map) cardIndex.set(s, (map = new Map(s.cards.map((c) => [c.id, c]))));
  return map;
}

/** A provision counts as its card only while it keeps every tag of the card: amend the tags away and it counts for what its tags now say. */
export function countsAsCard(p: Scored, card: ProvisionCard | undefined): boolean {
  return card !== undefined && card.tags.every((t) => p.tags.includes(t));
}

export function meets(priority: Priority, p: Scored, cards: Map<string, ProvisionCard>): boolean {
  if (priority.card !== undefined) return p.card === priority.card && countsAsCard(p, cards.get(priority.card));
  if (priority.tag !== undefined) return p.tags.includes(priority.tag);
  return false;
}

/** How a priority reads: the card's title, "anything tagged x", or "all delegations sign the code". */
export function priorityWords(s: Scenario, p: Priority): string {
  if (p.card !== undefined) return cardsById(s).get(p.card)?.title ?? p.card;
  if (p.tag !== undefined) return `anything tagged ${p.tag}`;
  return "every delegation signs the shared code";
}

/** The value of a set of provisions to a delegation, if it signed them. */
export function valuation(
  s: Scenario,
  brief: Brief,
  provisions: readonly Scored[],
  everyoneSigned: boolean,
): Valuation {
  const cards = cardsById(s);
  const out: Valuation = { value: 0, met: [], crossed: [] };
  for (const priority of brief.priorities) {
    const what = priority.card ?? priority.tag ?? "everyone-signs";
    let index = -1;
    if (priority.everyoneSigns) {
      if (!everyoneSigned) continue;
    } else {
      index = provisions.findIndex((p) => meets(priority, p, cards));
      if (index < 0) continue;
    }
    out.value += priority.weight;
    out.met.push({ what, weight: priority.weight, index });
  }
  for (const line of brief.redLines) {
    const index = provisions.findIndex((p) => p.tags.includes(line.tag));
    if (index >= 0 && !out.crossed.some((c) => c.tag === line.tag)) out.crossed.push({ tag: line.tag, index });
  }
  return out;
}

/**
 * A delegation's result. `code`: the value of the shared code to it when it
 * validly signed a code that counts, else null (it walks away). `crossedElsewhere`:
 * red lines crossed in other counting instruments it signed and not in the code.
 */
export function resultOf(brief: Brief, code: Valuation | null, crossedElsewhere = 0): number {
  const walkAway = brief.walkAway.value;
  const base = code ? code.value : walkAway;
  const crossed = (code?.crossed.length ?? 0) + crossedElsewhere;
  return crossed > 0 ? Math.min(base, walkAway) - RED_LINE_PENALTY * crossed : base;
}

export type Outcome = "above" | "at" | "below";
export const outcomeOf = (result: number, walkAway: number): Outcome =>
  result > walkAway ? "above" : result === walkAway ? "at" : "below";

/** The cards that change this delegation's value, without crossing its red lines: its maximum is found among them. */
function reachableCards(s: Scenario, brief: Brief): ProvisionCard[] {
  const cards = cardsById(s);
  const red = new Set(brief.redLines.map((r) => r.tag));
  return s.cards.filter(
    (c) =>
      !c.tags.some((t) => red.has(t)) && brief.priorities.some((p) => meets(p, { card: c.id, tags: c.tags }, cards)),
  );
}

/** Beyond this many cards that matter to one delegation, its maximum is bounded by its positive priorities instead of searched. */
const SEARCH_LIMIT = 20;

const maxima = new WeakMap<Scenario, Map<string, number>>();

/**
 * The most the shared code could be worth to a delegation without crossing
 * its own red lines (and with everyone signing): the top of its scale.
 */
export function maximumOf(s: Scenario, delegationId: string): number {
  let map = maxima.get(s);
  if (!map) maxima.set(s, (map = new Map()));
  const cached = map.get(delegationId);
  if (cached !== undefined) return cached;
  const brief = s.delegations.find((d) => d.id === delegationId)?.brief;
  if (!brief) return 0;
  const cards = reachableCards(s, brief);
  const everyone = brief.priorities.filter((p) => p.everyoneSigns).reduce((sum, p) => sum + p.weight, 0);
  let best: number;
  if (cards.length > SEARCH_LIMIT) {
    best = brief.priorities.reduce((sum, p) => sum + Math.max(0, p.weight), 0);
  } else {
    const masks = priorityMasks(s, brief, cards);
    best = 0;
    for (let set = 0; set < 1 << cards.length; set++) {
      let v = 0;
      for (const m of masks) if (m.mask & set) v += m.weight;
      if (v > best) best = v;
    }
    best += Math.max(0, everyone);
  }
  map.set(delegationId, best);
  return best;
}

/** For each card-or-tag priority, the bits of the cards (in `cards` order) that meet it. */
export function priorityMasks(
  s: Scenario,
  brief: Brief,
  cards: readonly ProvisionCard[],
): { mask: number; weight: number }[] {
  const byId = cardsById(s);
  return brief.priorities
    .filter((p) => !p.everyoneSigns)
    .map((p) => ({
      weight: p.weight,
      mask: cards.reduce((m, c, i) => (meets(p, { card: c.id, tags: c.tags }, byId) ? m | (1 << i) : m), 0),
    }));
}
