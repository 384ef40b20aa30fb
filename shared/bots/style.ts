// How each difficulty bargains, in numbers the policy reads. Values are the
// delegation's own priority points for a provision (see worth.ts).
import type { Difficulty } from "./difficulty.ts";

export interface Style {
  /** How many of its most valued cards it tables early in Negotiation. */
  tables: number;
  /** It objects (brackets the text) to a provision worth this much or less to it, red lines aside. */
  objectAt: number;
  /** Rounds with nothing else to do before it softens an objection that is no red line to a reservation. */
  concedeAfter: number;
  /** In Final text it votes to keep bracketed text worth at least this much to it (never across a red line). */
  keepFrom: number;
  /** A provision worth nothing to it: supported (cooperative) or held with a reservation. */
  neutral: "support" | "reservation";
  /**
   * When a text it needs is blocked by another delegation's red line, it
   * counts the text as lost already (it would be dropped) and so offers, or
   * accepts, a compromise that takes the red line out: always (cooperative),
   * only where one objection blocks (consensus) (firm), or never (hard-line).
   */
  compromise: "always" | "under-consensus" | "never";
  /** How it votes on an amendment that changes nothing it can count. */
  evenAmendment: "yes" | "abstain";
}

export const STYLES: Readonly<Record<Difficulty, Style>> = {
  cooperative: {
    tables: 3,
    objectAt: -5,
    concedeAfter: 1,
    keepFrom: -4,
    neutral: "support",
    compromise: "always",
    evenAmendment: "yes",
  },
  firm: {
    tables: 3,
    objectAt: -3,
    concedeAfter: 4,
    keepFrom: -2,
    neutral: "reservation",
    compromise: "under-consensus",
    evenAmendment: "yes",
  },
  "hard-line": {
    tables: 4,
    objectAt: -1,
    concedeAfter: Number.POSITIVE_INFINITY,
    keepFrom: 0,
    neutral: "reservation",
    compromise: "never",
    evenAmendment: "abstain",
  },
};
