// Phase names for the screens. shared/scenario.ts has the same table, but it
// also builds zod schemas at load, which would add ~30 KB to every page; the
// type below keeps this copy's keys in step with the phases.
import type { PhaseId } from "../../shared/scenario.ts";

export const PHASES: readonly PhaseId[] = ["briefing", "opening", "negotiation", "final-text", "signing", "debrief"];
export const PHASE_TITLES: Record<PhaseId, string> = {
  briefing: "Briefing",
  opening: "Opening statements",
  negotiation: "Negotiation",
  "final-text": "Final text",
  signing: "Signing",
  debrief: "Debrief",
};
