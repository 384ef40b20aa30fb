// The compared debrief: what the class projector shows of each table side by
// side, the way negotiation teachers compare groups: the agreed text (the
// adopted provisions' titles), who signed, each delegation's result against
// its walk-away, and the meters. Pure, and public by construction: it reads
// only what the debrief reveals to the whole class (never a brief's text, a
// card's quote or a channel), so the projector can have it with the class code.
import type { SessionState } from "../../shared/state.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import { computeDebrief, validSigners } from "../../shared/rules/debrief.ts";
import type { ClassComparison, ComparedTable, TableResults } from "../../shared/class-view.ts";

const delegationName = (s: SessionState, id: string) => s.scenario.delegations.find((d) => d.id === id)?.name ?? id;
const colourOf = (s: SessionState, id: string) => s.scenario.delegations.find((d) => d.id === id)?.colour ?? "#888";

/** The results of one table as the debrief reveals them (computed now if the table is not there yet). */
export function tableResults(s: SessionState): TableResults {
  const debrief = s.debrief ?? computeDebrief(s);
  const code = s.instruments.find((i) => i.kind === "code");
  const signers = code ? validSigners(s, code) : new Set<string>();
  const provisions = code?.frozen
    ? code.frozen.provisions.map((p) => p.title)
    : s.provisions.filter((p) => p.instrument === code?.id && p.status === "tabled").map((p) => p.title);
  const signatures = code?.frozen
    ? s.signatures
        .filter((g) => g.instrument === code.id && g.version === code.frozen!.version && signers.has(g.delegation))
        .map((g) => ({
          delegation: g.delegation,
          name: delegationName(s, g.delegation),
          colour: colourOf(s, g.delegation),
          signer: g.name,
        }))
    : [];
  const blocs = s.instruments
    .filter((i) => i.kind === "agreement" && i.frozen)
    .map((i) => ({ title: i.title, delegations: [...validSigners(s, i)].map((d) => delegationName(s, d)) }))
    .filter((b) => b.delegations.length >= 2);
  return {
    codeTitle: code?.title ?? "The shared code",
    frozen: Boolean(code?.frozen),
    provisions,
    signatures,
    codeCounts: debrief.codeCounts,
    scores: debrief.scores.map((d) => ({
      delegation: d.delegation,
      name: delegationName(s, d.delegation),
      colour: colourOf(s, d.delegation),
      score: d.score,
      walkAway: d.walkAway,
      maximum: d.maximum,
      outcome: d.outcome,
      signedCode: d.signedCode,
    })),
    commons: debrief.commons,
    stability: debrief.stability,
    blocs,
  };
}

/**
 * Every table of the class, in order: its results once it reaches the debrief, or for every table when
 * the host shows the comparison early (`showNow`). A table that is gone (deleted) is left out.
 */
export function compareTables(title: string, tables: readonly (SessionState | null)[], showNow: boolean) {
  const out: ComparedTable[] = [];
  // Every table plays the same scenario, so one table's results (each delegation's walk-away and
  // score) are the secret numbers in the briefs of students still negotiating at another. They go
  // up only when every table is at the debrief, or when the host chooses to show them.
  const live = tables.filter((s): s is SessionState => s !== null);
  const allAtDebrief = live.every((s) => s.phase === "debrief");
  tables.forEach((s, i) => {
    if (!s) return;
    const final = s.phase === "debrief";
    const shown = (final && allAtDebrief) || showNow;
    out.push({
      table: i + 1,
      phase: s.phase,
      phaseTitle: PHASE_TITLES[s.phase],
      students: s.seats.filter((x) => x.role === "delegate" && x.computer === undefined).length,
      shown,
      final,
      results: shown ? tableResults(s) : null,
    });
  });
  return { title, tables: out } satisfies ClassComparison;
}
