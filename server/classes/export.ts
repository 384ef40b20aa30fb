// The compared debrief as a spreadsheet for the teacher: one row per table and
// delegation, with the table's agreed text, signers and meters repeated on each
// row so the file sorts and filters on its own. A table not yet at the
// debrief is read as its text stands, and says so.
import type { SessionState } from "../../shared/state.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import { csvRow } from "../exports/escape.ts";
import { tableResults } from "./compare.ts";

const HEADER = [
  "table",
  "table_code",
  "phase",
  "final",
  "delegation",
  "signed_code",
  "score",
  "walk_away",
  "maximum",
  "outcome",
  "code_counts",
  "agreed_provisions",
  "signers",
  "commons",
  "stability",
];

export function comparisonCsv(tables: readonly { code: string; state: SessionState | null }[]): string {
  const lines = [csvRow(HEADER)];
  tables.forEach(({ code, state }, i) => {
    if (!state) return;
    const r = tableResults(state);
    const agreed = r.frozen ? r.provisions.join("; ") : "";
    const signers = r.signatures.map((s) => `${s.name} (${s.signer})`).join("; ");
    for (const s of r.scores)
      lines.push(
        csvRow([
          i + 1,
          code,
          PHASE_TITLES[state.phase],
          state.phase === "debrief",
          s.name,
          s.signedCode,
          s.score,
          s.walkAway,
          s.maximum,
          s.outcome,
          r.codeCounts,
          agreed,
          signers,
          r.commons,
          r.stability,
        ]),
      );
  });
  return lines.join("\r\n") + "\r\n";
}
