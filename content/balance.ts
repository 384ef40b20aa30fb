// The balance check: does a scenario's scoring teach the lesson? It
// enumerates every set of provisions the shared code could hold (with every
// delegation signing, since who else signs changes nothing but the meters)
// and checks the properties of docs/scoring (see README "Balance"). Pure and
// fast: each priority and red line is a bit mask over the cards, so the
// default scenario's 32,768 sets take a few milliseconds.
import type { Scenario } from "../shared/scenario.ts";
import { commonsMeter, positiveTotal } from "../shared/rules/meters.ts";
import { maximumOf, priorityMasks } from "../shared/rules/score.ts";
import type { ScenarioError } from "./errors.ts";
import { pathString } from "./errors.ts";

/** More cards that score than this and the check refuses to enumerate (2^20 sets, about a second). */
export const BALANCE_CARD_LIMIT = 20;

export interface DelegationBalance {
  id: string;
  name: string;
  maximum: number;
  walkAway: number;
  /** Best and worst value inside the zone of possible agreement (null: the zone is empty). */
  best: number | null;
  worst: number | null;
  /** The value of the source's first step (null: the scenario names none). */
  firstStep: number | null;
}

export interface BalanceReport {
  cards: number;
  /** Every non-empty set of provisions the shared code could hold: 2^cards - 1. */
  sets: number;
  /** Sets that leave every delegation at or above its walk-away with no red line crossed. */
  zone: number;
  delegations: DelegationBalance[];
  /** Highest commons meter of any outcome with bloc pacts and no counting code, and lowest with all but one signing the code. */
  commons: { blocOnlyHighest: number; wideCodeLowest: number };
  /** The stability meter if the five most stabilising cards were signed by everyone. */
  stabilityFromFive: number;
  failures: ScenarioError[];
}

export function balance(s: Scenario): BalanceReport {
  const failures: ScenarioError[] = [];
  const fail = (path: (string | number)[], message: string) => failures.push({ path: pathString(path), message });
  const D = s.delegations.length;

  // Cards no priority or red line mentions change no score: each doubles the sets, nothing more.
  const mentioned = s.cards.filter((c) =>
    s.delegations.some(
      (d) =>
        d.brief.redLines.some((r) => c.tags.includes(r.tag)) ||
        priorityMasks(s, d.brief, [c]).some((m) => m.mask !== 0),
    ),
  );
  const free = s.cards.length - mentioned.length;
  const sets = 2 ** s.cards.length - 1;
  const rows: DelegationBalance[] = s.delegations.map((d) => ({
    id: d.id,
    name: d.name,
    maximum: maximumOf(s, d.id),
    walkAway: d.brief.walkAway.value,
    best: null,
    worst: null,
    firstStep: null,
  }));

  let zone = 0;
  if (mentioned.length > BALANCE_CARD_LIMIT) {
    fail(
      ["cards"],
      `${mentioned.length} cards score for some delegation: the balance check can enumerate at most ${BALANCE_CARD_LIMIT}`,
    );
  } else {
    const briefs = s.delegations.map((d) => {
      const masks = priorityMasks(s, d.brief, mentioned);
      const red = mentioned.reduce(
        (m, c, i) => (d.brief.redLines.some((r) => c.tags.includes(r.tag)) ? m | (1 << i) : m),
        0,
      );
      const everyone = d.brief.priorities.filter((p) => p.everyoneSigns).reduce((sum, p) => sum + p.weight, 0);
      return { masks, red, everyone, walkAway: d.brief.walkAway.value };
    });
    const valueOf = (i: number, set: number) => {
      let v = briefs[i]!.everyone;
      for (const m of briefs[i]!.masks) if (m.mask & set) v += m.weight;
      return v;
    };
    const anyRed = briefs.reduce((m, b) => m | b.red, 0);
    const values = new Array<number>(D);
    let emptyInside = false;
    for (let set = 0; set < 1 << mentioned.length; set++) {
      if (set & anyRed) continue;
      let inside = true;
      for (let i = 0; i < D && inside; i++) {
        values[i] = valueOf(i, set);
        inside = values[i]! >= briefs[i]!.walkAway;
      }
      if (!inside) continue;
      zone++;
      if (set === 0) emptyInside = true;
      for (let i = 0; i < D; i++) {
        const row = rows[i]!;
        row.best = row.best === null ? values[i]! : Math.max(row.best, values[i]!);
        row.worst = row.worst === null ? values[i]! : Math.min(row.worst, values[i]!);
      }
    }
    // The empty code is no code: with no scoring card, only the sets with some free card count.
    zone = zone * 2 ** free - (emptyInside ? 1 : 0);

    if (s.firstStep) {
      const index = new Map(mentioned.map((c, i) => [c.id, i]));
      const set = s.firstStep.reduce((m, id) => (index.has(id) ? m | (1 << index.get(id)!) : m), 0);
      let barely = false;
      rows.forEach((row, i) => {
        row.firstStep = valueOf(i, set);
        const d = s.delegations[i]!;
        const crossed = d.brief.redLines.filter((r) =>
          s.cards.some((c) => s.firstStep!.includes(c.id) && c.tags.includes(r.tag)),
        );
        if (crossed.length > 0)
          fail(["firstStep"], `the first step crosses ${d.name}'s red line (${crossed.map((r) => r.tag).join(", ")})`);
        else if (row.firstStep < row.walkAway)
          fail(
            ["firstStep"],
            `the first step is worth ${row.firstStep} to ${d.name}, below its walk-away of ${row.walkAway}: it is not inside the zone of agreement`,
          );
        if (row.firstStep - row.walkAway <= (row.maximum - row.walkAway) / 4) barely = true;
      });
      if (!barely)
        fail(
          ["firstStep"],
          "the first step is comfortably above every delegation's walk-away: nothing is left to negotiate past it (make it barely worth signing for some)",
        );
    }
  }

  rows.forEach((row, i) => {
    const where = ["delegations", i, "brief", "walkAway", "value"];
    if (row.walkAway >= row.maximum) {
      fail(
        where,
        `${row.name}'s walk-away (${row.walkAway}) is not below its maximum (${row.maximum}): no code could beat its alternative`,
      );
      return;
    }
    if (zone === 0) return;
    if (row.best! <= row.walkAway)
      fail(
        where,
        `no code all could sign beats walking away for ${row.name} (best inside the zone ${row.best}, walk-away ${row.walkAway}): blocs would pay as well`,
      );
    if (row.best! * 2 < row.maximum)
      fail(
        where,
        `${row.name} is doomed: its best inside the zone (${row.best}) is less than half its maximum (${row.maximum})`,
      );
  });
  // Dominant: whatever the class agrees, one delegation gains at least three quarters of what it could,
  // while another cannot get even half of what it could.
  const gain = (row: DelegationBalance, v: number) => (v - row.walkAway) / Math.max(1, row.maximum - row.walkAway);
  if (zone > 0) {
    const starved = rows.find((row) => row.best !== null && gain(row, row.best) < 0.5);
    rows.forEach((row, i) => {
      if (starved && row !== starved && row.worst !== null && gain(row, row.worst) >= 0.75)
        fail(
          ["delegations", i, "brief", "walkAway", "value"],
          `${row.name} is dominant: even its worst inside the zone (${row.worst}) gives it three quarters of what it could gain, while ${starved.name} cannot get half`,
        );
    });
  }
  if (zone === 0 && mentioned.length <= BALANCE_CARD_LIMIT)
    fail(
      ["delegations"],
      "no set of provisions leaves every delegation at or above its walk-away without crossing a red line: agreement is impossible",
    );
  else if (zone * 2 > sets)
    fail(
      ["delegations"],
      `agreement is free: ${zone} of ${sets} sets of provisions are inside the zone of agreement (at most half should be)`,
    );

  // Meters: bloc pacts (two or more delegations) with no counting code, against a code all but one signed.
  const negative = s.cards.filter((c) => c.meters.commons < 0).map((c) => c.id);
  const wide = Math.max(2, D - 1);
  const blocOnlyHighest = commonsMeter(s, [], 0, Math.min(2, D));
  let wideCodeLowest = Infinity;
  for (let n = wide; n <= D; n++) wideCodeLowest = Math.min(wideCodeLowest, commonsMeter(s, negative, n, D - n));
  if (blocOnlyHighest >= wideCodeLowest)
    fail(
      ["cards"],
      `the commons meter can read higher with bloc pacts alone (${blocOnlyHighest}) than with a code ${wide} delegations signed (${wideCodeLowest})`,
    );
  const topFive = s.cards
    .map((c) => c.meters.stability)
    .sort((a, b) => b - a)
    .slice(0, 5)
    .reduce((sum, x) => sum + Math.max(0, x), 0);
  const stabilityFromFive = Math.round(Math.min(1, topFive / positiveTotal(s, "stability")) * 100);
  const stabilising = s.cards.filter((c) => c.meters.stability > 0).length;
  if (stabilising > 5 && stabilityFromFive >= 100)
    fail(["cards"], "five cards fill the stability meter: it should take every stabilising card, signed by all");

  return {
    cards: s.cards.length,
    sets,
    zone,
    delegations: rows,
    commons: { blocOnlyHighest, wideCodeLowest },
    stabilityFromFive,
    failures,
  };
}
