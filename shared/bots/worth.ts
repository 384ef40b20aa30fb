// What a provision, an amendment or a frozen text is worth to one delegation,
// read from its own brief only: the priorities it meets (each counted once),
// the red lines it crosses, and the delegation's walk-away.
import type { Brief } from "../scenario.ts";

export interface Readable {
  card: string | null;
  tags: readonly string[];
}

export interface Reading {
  value: number;
  /** Tags of the brief's red lines this text carries. */
  redLines: string[];
}

const hits = (p: { card?: string | undefined; tag?: string | undefined }, r: Readable) =>
  p.card !== undefined ? r.card === p.card : p.tag !== undefined && r.tags.includes(p.tag);

/** One provision on its own. */
export function worthOf(brief: Brief, r: Readable): Reading {
  let value = 0;
  for (const p of brief.priorities) if (hits(p, r)) value += p.weight;
  const redLines = brief.redLines.filter((line) => r.tags.includes(line.tag)).map((line) => line.tag);
  return { value, redLines };
}

/** A whole text: each priority counts once however many provisions meet it. */
export function worthOfText(brief: Brief, provisions: readonly Readable[]): Reading {
  let value = 0;
  for (const p of brief.priorities) if (provisions.some((r) => hits(p, r))) value += p.weight;
  // "Every delegation signs the shared code": a computer delegation reads the text as the class's common code.
  for (const p of brief.priorities) if (p.everyoneSigns) value += p.weight;
  const redLines = brief.redLines.filter((line) => provisions.some((r) => r.tags.includes(line.tag))).map((l) => l.tag);
  return { value, redLines: [...new Set(redLines)] };
}

/** The brief's walk-away value (what its best alternative gives it). */
export function walkAwayOf(brief: Brief): number {
  return brief.walkAway.value;
}

/** "content-control" → "content control": a tag in plain words. */
export const tagWords = (tag: string): string => tag.replace(/-/g, " ");
