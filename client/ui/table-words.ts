// The table in words: what the canvas shows, for a screen reader (the canvas
// itself says nothing). The game page and the projector keep a visually
// hidden line of it, changed only when what the table shows changed.
import type { SessionView } from "../../shared/view.ts";

/** Each delegation at the table: its head, who is here, and in signing whether it signed. */
export function tableWords(v: SessionView, mine: string | null = null): string {
  const seats = v.scenario.delegations.map((d) => {
    const ss = v.seats.filter((s) => s.role === "delegate" && s.delegation === d.id);
    const online = ss.filter((s) => s.connected).length;
    const head = ss.find((s) => s.isHead);
    const signed = v.signatures.some((s) => s.delegation === d.id);
    return [
      `${d.name}${d.id === mine ? " (you)" : ""}`,
      ss.length === 0 ? "empty, abstains" : `${online} of ${ss.length} online`,
      head ? `head ${head.name}` : null,
      v.phase === "signing" || v.phase === "debrief" ? (signed ? "signed" : "not signed") : null,
    ]
      .filter(Boolean)
      .join(", ");
  });
  return `At the table: ${seats.join("; ")}.`;
}
