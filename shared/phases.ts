// The phases of a lesson, in order, with the names people see. Kept free of
// zod so the browser's pages can import it without the schema library.
export const PHASES = ["briefing", "opening", "negotiation", "final-text", "signing", "debrief"] as const;
export type PhaseId = (typeof PHASES)[number];

export const PHASE_TITLES: Record<PhaseId, string> = {
  briefing: "Briefing",
  opening: "Opening statements",
  negotiation: "Negotiation",
  "final-text": "Final text",
  signing: "Signing",
  debrief: "Debrief",
};
