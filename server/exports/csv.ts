// CSV for spreadsheets, one table per file, chosen by name
// (`export.csv?table=provisions`; `actions` when none is named), so a
// download stays a single plain file and no zip is needed.
// Lines end in CRLF (RFC 4180); a UTF-8 byte order mark comes first so
// Excel reads accented names right.
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../store/types.ts";
import { csvRow } from "./escape.ts";
import { buildReport, type Report } from "./model.ts";

export const CSV_TABLES = ["actions", "provisions", "signatures", "scores", "students"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
export const DEFAULT_CSV_TABLE: CsvTable = "actions";

export function isCsvTable(s: unknown): s is CsvTable {
  return typeof s === "string" && (CSV_TABLES as readonly string[]).includes(s);
}

/** The header of table=scores: one row per delegation. */
export const SCORE_COLUMNS = [
  "delegation",
  "score",
  "walk-away",
  "maximum",
  "outcome",
  "in words",
  "priorities met",
  "red lines crossed",
  "signed",
  "adopted words share",
];

/** The header of table=students: one row per student (the teacher's pack's rubric reads these columns). */
export const STUDENT_COLUMNS = (questions: number): string[] => [
  "student",
  "delegation",
  "role",
  "lines on the floor",
  "lines in the team channel",
  "lines in private channels",
  "provisions tabled",
  "provisions adopted",
  "amendments proposed",
  "amendments adopted",
  "words still in adopted text",
  "votes cast",
  "signatures",
  // One column per debrief question, in order: the student's answer, or empty.
  ...Array.from({ length: questions }, (_q, i) => `reflection ${i + 1}`),
];

const iso = (ms: number) => new Date(ms).toISOString();
type Cell = string | number | boolean | null;

function rows(r: Report, table: CsvTable): Cell[][] {
  switch (table) {
    case "actions":
      return [
        ["seq", "time", "actor", "type", "summary"],
        ...r.actions.map((a) => [a.seq, iso(a.at), a.actor, a.type, a.summary]),
      ];
    case "provisions": {
      const delegations = r.delegations.map((d) => d.name);
      return [
        [
          "instrument",
          "provision",
          "title",
          "status",
          "resolution",
          "tabled by",
          "version",
          "final text",
          ...delegations.map((d) => `stance: ${d}`),
        ],
        ...r.provisions.map((p) => [
          p.instrumentTitle,
          p.id,
          p.title,
          p.status,
          p.resolution,
          p.tabledBy,
          p.version,
          p.text,
          ...delegations.map((d) => p.stances.find((s) => s.delegation === d)?.stance ?? null),
        ]),
      ];
    }
    case "signatures":
      return [
        ["instrument", "delegation", "signed by", "version", "time", "counts"],
        ...r.signatures.map((s) => [s.instrumentTitle, s.delegation, s.name, s.version, iso(s.at), s.current]),
      ];
    case "scores":
      return [
        SCORE_COLUMNS,
        ...r.delegations.map((d) => [
          d.name,
          d.score?.score ?? null,
          d.score?.walkAway ?? null,
          d.score?.maximum ?? null,
          d.score?.outcome ?? null,
          d.score?.words ?? null,
          d.score?.met.map((m) => `${m.what} (${m.weight})`).join("; ") ?? null,
          d.score?.redLinesCrossed.map((x) => x.tag).join("; ") ?? null,
          d.score?.signed.join("; ") ?? null,
          d.wording,
        ]),
      ];
    case "students":
      return [
        STUDENT_COLUMNS(r.questions.length),
        ...r.students.map((s) => [
          s.name,
          s.delegation,
          s.role,
          s.lines.floor,
          s.lines.team,
          s.lines.private,
          s.provisionsTabled,
          s.provisionsAdopted,
          s.amendmentsProposed,
          s.amendmentsAdopted,
          s.wordsSurviving,
          s.votesCast,
          s.signed,
          ...s.reflections,
        ]),
      ];
  }
}

export function renderCsv(r: Report, table: CsvTable = DEFAULT_CSV_TABLE): string {
  return "\uFEFF" + rows(r, table).map(csvRow).join("\r\n") + "\r\n";
}

export function exportCsv(
  state: SessionState,
  entries: readonly JournalEntry[],
  table: CsvTable = DEFAULT_CSV_TABLE,
): string {
  return renderCsv(buildReport(state, entries), table);
}
