// A rubric tied to what the exports record: each criterion names the columns
// of export.csv?table=students (and the scores table) it is read from, by the
// same names the CSV's header uses (a test checks every one of them).
import { escapeHtml as h } from "../exports/escape.ts";
import { STUDENT_COLUMNS, SCORE_COLUMNS } from "../exports/csv.ts";
import { sheet } from "./layout.ts";
import type { PackSource } from "./source.ts";

export interface Criterion {
  title: string;
  /** Columns of export.csv?table=students (or, for `scores`, of table=scores) this criterion reads. */
  columns: string[];
  table: "students" | "scores";
  levels: [beginning: string, developing: string, secure: string, excellent: string];
}

export function criteria(questions: number): Criterion[] {
  return [
    {
      title: "Taking part in the talks",
      table: "students",
      columns: ["lines on the floor", "lines in the team channel", "lines in private channels"],
      levels: [
        "Said little or nothing, in any channel.",
        "Spoke in the team channel but rarely to other delegations.",
        "Argued the delegation's position on the floor and worked with the team.",
        "Led talks with other delegations (floor and private channels) and kept the team informed.",
      ],
    },
    {
      title: "Drafting the text",
      table: "students",
      columns: ["provisions tabled", "provisions adopted", "amendments proposed", "amendments adopted"],
      levels: [
        "Tabled and amended nothing.",
        "Tabled or amended, but nothing was adopted.",
        "Tabled or amended text that was adopted.",
        "Several adopted provisions or amendments that others could accept.",
      ],
    },
    {
      title: "Shaping the final agreement",
      table: "students",
      columns: ["words still in adopted text"],
      levels: [
        "None of the student's words are in adopted text.",
        "A few words survived.",
        "A clause of the agreement is in the student's words.",
        "Much of the agreement is in the student's words.",
      ],
    },
    {
      title: "Deciding for the delegation",
      table: "students",
      columns: ["role", "votes cast", "signatures"],
      levels: [
        "Did not vote when the delegation needed a vote (heads: did not decide on signing).",
        "Voted, without regard to the brief.",
        "Voted and (as head) signed or refused by the brief's priorities and red lines.",
        "Explained each vote and signature by the brief and the class's interest.",
      ],
    },
    {
      title: "The delegation's result (a team mark)",
      table: "scores",
      columns: ["score", "walk-away", "outcome", "red lines crossed"],
      levels: [
        "Below its walk-away, or a red line crossed.",
        "At its walk-away: nothing gained, nothing lost.",
        "Above its walk-away.",
        "Well above its walk-away, in a code most delegations signed.",
      ],
    },
    {
      title: "Reflection",
      table: "students",
      columns: Array.from({ length: questions }, (_q, i) => `reflection ${i + 1}`),
      levels: [
        "No answers.",
        "Short answers that retell what happened.",
        "Answers that explain why, with an example from the session.",
        "Answers that link the session to the real negotiation and its camps.",
      ],
    },
  ];
}

/** Every column a rubric reads is one the export writes. */
export function unknownColumns(questions: number): string[] {
  const known = new Set<string>([...STUDENT_COLUMNS(questions), ...SCORE_COLUMNS]);
  return criteria(questions)
    .flatMap((c) => c.columns)
    .filter((c) => !known.has(c));
}

export function rubricBody(source: PackSource): string {
  const s = source.scenario;
  const rows = criteria(s.questions.length)
    .map(
      (c) =>
        `<tr><td><strong>${h(c.title)}</strong><br><span class="muted">${h(`table=${c.table}: `)}${c.columns
          .map((col) => `“${h(col)}”`)
          .join(", ")}</span></td>${c.levels.map((l) => `<td>${h(l)}</td>`).join("")}</tr>`,
    )
    .join("");
  return sheet(
    `<p class="meta">Rubric · ${h(s.title)}</p>
<h1>Rubric</h1>
<p>Each criterion is read from the session's exports: open the console's <strong>Export</strong> row and download <strong>CSV</strong>, or the <strong>Printable report</strong>'s “Students” table. <code>export.csv?table=students</code> has one row per student; <code>table=scores</code> one per delegation. The counts are evidence, not a grade: a head votes and signs for the delegation, a drafter tables and amends; judge each student by the job they had.</p>
<table><thead><tr><th>Criterion, and where the export records it</th><th>Beginning</th><th>Developing</th><th>Secure</th><th>Excellent</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted">“reflection 1” to “reflection ${s.questions.length}” are the students' answers to the discussion questions, in order, as they wrote them in the app at the debrief; the printable report's “Reflections” lists them under each question.</p>`,
  );
}
