// The printable report: one self-contained HTML page (inline CSS, no script,
// no outside request) that a teacher prints to PDF from the browser.
import type { JournalEntry } from "../store/types.ts";
import type { SessionState } from "../../shared/state.ts";
import { escapeHtml as h } from "./escape.ts";
import { FAVICON_LINK } from "../favicon.ts";
import {
  buildReport,
  formatTime,
  percent,
  type Report,
  type ReportDelegation,
  type ReportInstrument,
} from "./model.ts";

const CSS = `
:root { --ink: #1d232b; --muted: #5b6570; --line: #d6dbe1; --accent: #2457a6; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
.meta, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0 .6rem; padding: .4rem .7rem; border-left: 3px solid var(--line); }
.status { font-size: .85em; padding: 0 .4em; border-radius: .3em; background: #eef1f5; }
.meter { display: flex; align-items: center; gap: .6rem; margin: .3rem 0; }
.meter .bar { position: relative; flex: 1; height: .8rem; background: #eef1f5; border-radius: .4rem; }
.meter .mark { position: absolute; top: -.2rem; width: .3rem; height: 1.2rem; background: var(--accent); }
.meter .end { width: 11rem; font-size: .85em; color: var(--muted); }
.meter .end:last-child { text-align: right; }
section.delegation { break-inside: avoid; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, .text, .instrument { break-inside: avoid; }
  .meter .bar, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

const text = (s: string) => `<div class="text">${h(s)}</div>`;

function meter(label: string, value: number, left: string, right: string): string {
  const at = Math.max(0, Math.min(100, (value + 100) / 2));
  return `<div class="meter"><span class="end">${h(left)}</span><div class="bar" role="img" aria-label="${h(`${label}: ${value}`)}"><span class="mark" style="left: calc(${at}% - .15rem)"></span></div><span class="end">${h(right)}</span></div>
<p class="muted">${h(label)}: ${value} (from −100 to +100)</p>`;
}

function instrumentSection(i: ReportInstrument): string {
  const parties = i.parties === null ? "open to every delegation" : `between ${i.parties.join(", ")}`;
  const finalText = i.frozen
    ? `<p>Final text, version <code>${h(i.frozen.version)}</code>, fixed ${h(formatTime(i.frozen.at))}:</p>` +
      (i.frozen.provisions.length === 0
        ? `<p class="muted">No provision was adopted.</p>`
        : `<ol>${i.frozen.provisions.map((p) => `<li><strong>${h(p.title)}</strong>${text(p.text)}</li>`).join("")}</ol>`)
    : `<p class="muted">The text was never frozen; the provisions below are as they last stood.</p>`;
  const signatures =
    i.signatures.length === 0
      ? `<p class="muted">Nobody signed.</p>`
      : `<table><thead><tr><th>Delegation</th><th>Signed by</th><th>Version</th><th>When</th></tr></thead><tbody>${i.signatures
          .map(
            (s) =>
              `<tr><td>${h(s.delegation)}</td><td>${h(s.name)}</td><td><code>${h(s.version)}</code>${s.current ? "" : " (an earlier text: no longer counts)"}</td><td>${h(formatTime(s.at))}</td></tr>`,
          )
          .join("")}</tbody></table>`;
  const provisions = i.provisions
    .map(
      (
        p,
      ) => `<h4>${h(p.title)} <span class="status">${h(p.status)}${p.resolution && p.resolution !== p.status ? `, ${h(p.resolution)}` : ""}</span></h4>
<p class="muted">Tabled by ${h(p.tabledBy)}; version ${p.version} of ${p.versions}.</p>${text(p.text)}
<p>Stances: ${p.stances.length === 0 ? "none" : p.stances.map((s) => `${h(s.delegation)}: ${h(s.stance)}`).join("; ")}.</p>
<p class="muted">Wording: ${p.wording.map((w) => `${h(w.delegation)} ${percent(w.share)}`).join(", ") || "none"}.</p>`,
    )
    .join("\n");
  return `<section class="instrument"><h3>${h(i.title)}</h3>
<p class="muted">${i.kind === "code" ? "Multilateral code" : "Agreement"}, ${h(parties)}.</p>
${finalText}
<p><strong>Signatures</strong></p>${signatures}
<details open><summary>Every provision tabled, with stances</summary>${provisions || `<p class="muted">None.</p>`}</details>
</section>`;
}

function delegationSection(d: ReportDelegation): string {
  const members =
    d.members.length === 0
      ? "nobody (abstained)"
      : d.members.map((m) => `${h(m.name)}${m.head ? " (head)" : ""}`).join(", ");
  const s = d.score;
  const score = s
    ? `<p><strong>Score: ${s.score}</strong> (walk-away ${s.walkAway}, maximum ${s.maximum})${d.wording === null ? "" : `; wrote ${percent(d.wording)} of the adopted words`}. ${h(s.words)}</p>
<ul>${s.met.map((m) => `<li>Priority met: ${h(m.what)} in ${h(m.instrument)} (${m.weight > 0 ? "+" : ""}${m.weight})</li>`).join("")}${s.redLinesCrossed
        .map((r) => `<li>Red line crossed: ${h(r.tag)}, by “${h(r.provision)}” in ${h(r.instrument)}</li>`)
        .join("")}<li>Signed: ${s.signed.length === 0 ? "nothing" : h(s.signed.join(", "))}</li></ul>`
    : `<p class="muted">No score yet: scores are worked out at the debrief.</p>`;
  return `<section class="delegation"><h3>${h(d.name)} <span class="muted">(${h(d.bloc)})</span></h3>
<p>Delegates: ${members}.</p>
${score}
<p><strong>The brief, revealed</strong></p>${text(d.brief.instructions)}
<p>Priorities: ${d.priorities.map((p) => `${h(p.what)} (${p.weight > 0 ? "+" : ""}${p.weight})`).join(", ")}.</p>
${d.brief.redLines.length === 0 ? "<p>Red lines: none.</p>" : `<p>Red lines:</p><ul>${d.brief.redLines.map((r) => `<li>${h(r.tag)}: ${h(r.why)}</li>`).join("")}</ul>`}
<p>Success: ${h(d.brief.success)}</p></section>`;
}

/** One row per student, to grade from (the same figures as export.csv?table=students). */
function studentsTable(r: Report): string {
  if (r.students.length === 0) return `<p class="muted">No student joined.</p>`;
  const head = ["Student", "Delegation", "Role", "Lines: floor / team / private", "Provisions tabled (adopted)"];
  head.push("Amendments proposed (adopted)", "Words still in adopted text", "Votes cast", "Signatures");
  return `<table><thead><tr>${head.map((c) => `<th>${h(c)}</th>`).join("")}</tr></thead><tbody>${r.students
    .map((s) =>
      [
        s.name,
        s.delegation,
        s.role,
        `${s.lines.floor} / ${s.lines.team} / ${s.lines.private}`,
        `${s.provisionsTabled} (${s.provisionsAdopted})`,
        `${s.amendmentsProposed} (${s.amendmentsAdopted})`,
        String(s.wordsSurviving),
        String(s.votesCast),
        String(s.signed),
      ]
        .map((c) => `<td>${h(c)}</td>`)
        .join(""),
    )
    .map((row) => `<tr>${row}</tr>`)
    .join("")}</tbody></table>`;
}

/** Each debrief question with every student's answer, by name (the host's record; the class sees them without). */
function reflectionsSection(r: Report): string {
  const answered = r.students.filter((s) => s.reflections.some((a) => a !== null));
  if (answered.length === 0) return `<p class="muted">No student answered the debrief questions in the app.</p>`;
  return r.questions
    .map((q, i) => {
      const answers = r.students.filter((s) => s.reflections[i] != null);
      return `<h3>${i + 1}. ${h(q)}</h3>${
        answers.length === 0
          ? `<p class="muted">No answers.</p>`
          : `<table><tbody>${answers
              .map(
                (s) =>
                  `<tr><th scope="row">${h(s.name)}<br><span class="muted">${h(s.delegation)}</span></th><td>${h(s.reflections[i]!)}</td></tr>`,
              )
              .join("")}</tbody></table>`
      }`;
    })
    .join("\n");
}

export function renderHtml(r: Report): string {
  // Each delegation against its own alternative, in the scenario's order: scales differ, so no leaderboard.
  const scores = r.delegations.some((d) => d.score)
    ? `<h3>Each delegation against its own alternative</h3><ul>${r.delegations
        .map((d) => (d.score ? `<li>${h(d.score.words)}</li>` : ""))
        .join("")}</ul>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`${r.title} — session ${r.code}`)}</title>
${FAVICON_LINK}
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(r.title)}</h1>
<p class="meta">Session ${h(r.code)}, ${h(formatTime(r.createdAt))} to ${h(formatTime(r.lastActionAt))}. Phase: ${h(r.phase)}${r.ended ? " (ended)" : ""}. Decision rule: ${h(r.decisionRule)}.${r.host.length ? ` Facilitator: ${h(r.host.join(", "))}.` : ""}</p>
<p class="meta">Source: ${h(r.citation)}</p>
</header>

<h2>Outcome</h2>
${r.meters ? meter("Global commons", r.meters.commons, "National cyberspaces", "A global commons") + meter("Stability", r.meters.stability, "Unstable", "Stable") : `<p class="muted">The meters are worked out at the debrief.</p>`}
${scores}

<h2>Instruments, final texts and signatures</h2>
${r.instruments.map(instrumentSection).join("\n") || `<p class="muted">No instrument.</p>`}

<h2>Delegations, scores and briefs</h2>
${r.delegations.map(delegationSection).join("\n")}

<h2>Timeline</h2>
${
  r.timeline.length === 0
    ? `<p class="muted">Nothing happened.</p>`
    : `<table><thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead><tbody>${r.timeline
        .map((t) => `<tr><td>${h(formatTime(t.at))}</td><td>${h(t.delegation ?? "")}</td><td>${h(t.text)}</td></tr>`)
        .join("")}</tbody></table>`
}

<h2>Students</h2>
${studentsTable(r)}

<h2>Questions for discussion</h2>
<ol>${r.questions.map((q) => `<li>${h(q)}</li>`).join("")}</ol>

<h2>Reflections</h2>
${reflectionsSection(r)}
<footer><p class="muted">Made with Accord. ${r.actions.length} actions recorded.</p></footer>
</body>
</html>
`;
}

export function exportHtml(state: SessionState, entries: readonly JournalEntry[]): string {
  return renderHtml(buildReport(state, entries));
}
