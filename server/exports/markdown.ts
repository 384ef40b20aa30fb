// The report as Markdown: for a shared drive, a wiki or a class notes repo.
// Every piece of user text goes through escapeMarkdown so it renders literally.
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../store/types.ts";
import { escapeMarkdown, escapeMarkdownLine as md, markdownQuote } from "./escape.ts";
import {
  buildReport,
  formatTime,
  percent,
  type Report,
  type ReportDelegation,
  type ReportInstrument,
} from "./model.ts";

const cell = (s: string) => md(s);

function instrumentBlock(i: ReportInstrument): string {
  const lines: string[] = [`### ${md(i.title)}`, ""];
  lines.push(
    `${i.kind === "code" ? "Multilateral code" : "Agreement"}, ${i.parties === null ? "open to every delegation" : `between ${md(i.parties.join(", "))}`}.`,
    "",
  );
  if (i.frozen) {
    lines.push(`Final text, version \`${i.frozen.version.replace(/`/g, "")}\`, fixed ${formatTime(i.frozen.at)}:`, "");
    if (i.frozen.provisions.length === 0) lines.push("No provision was adopted.", "");
    i.frozen.provisions.forEach((p, n) => lines.push(`${n + 1}\\. **${md(p.title)}**`, "", markdownQuote(p.text), ""));
  } else {
    lines.push("The text was never frozen; the provisions below are as they last stood.", "");
  }
  lines.push("**Signatures**", "");
  if (i.signatures.length === 0) lines.push("Nobody signed.", "");
  else {
    lines.push("| Delegation | Signed by | Version | When |", "| --- | --- | --- | --- |");
    for (const s of i.signatures) {
      lines.push(
        `| ${cell(s.delegation)} | ${cell(s.name)} | ${cell(s.version)}${s.current ? "" : " (an earlier text: no longer counts)"} | ${formatTime(s.at)} |`,
      );
    }
    lines.push("");
  }
  lines.push("**Every provision tabled, with stances**", "");
  for (const p of i.provisions) {
    lines.push(
      `#### ${md(p.title)} (${p.status}${p.resolution && p.resolution !== p.status ? `, ${p.resolution}` : ""})`,
      "",
    );
    lines.push(`Tabled by ${md(p.tabledBy)}; version ${p.version} of ${p.versions}.`, "");
    lines.push(markdownQuote(p.text), "");
    lines.push(
      `Stances: ${p.stances.length === 0 ? "none" : p.stances.map((s) => `${md(s.delegation)}: ${s.stance}`).join("; ")}.`,
      "",
    );
    lines.push(`Wording: ${p.wording.map((w) => `${md(w.delegation)} ${percent(w.share)}`).join(", ") || "none"}.`, "");
  }
  return lines.join("\n");
}

function delegationBlock(d: ReportDelegation): string {
  const lines = [`### ${md(d.name)} (${md(d.bloc)})`, ""];
  lines.push(
    `Delegates: ${d.members.length === 0 ? "nobody (abstained)" : d.members.map((m) => `${md(m.name)}${m.head ? " (head)" : ""}`).join(", ")}.`,
    "",
  );
  if (d.score) {
    lines.push(
      `**Score: ${d.score.score}** (walk-away ${d.score.walkAway}, maximum ${d.score.maximum})${d.wording === null ? "" : `; wrote ${percent(d.wording)} of the adopted words`}. ${escapeMarkdown(d.score.words)}`,
      "",
    );
    for (const m of d.score.met)
      lines.push(`- Priority met: ${md(m.what)} in ${md(m.instrument)} (${m.weight > 0 ? "+" : ""}${m.weight})`);
    for (const r of d.score.redLinesCrossed)
      lines.push(`- Red line crossed: ${md(r.tag)}, by “${md(r.provision)}” in ${md(r.instrument)}`);
    lines.push(`- Signed: ${d.score.signed.length === 0 ? "nothing" : md(d.score.signed.join(", "))}`, "");
  } else {
    lines.push("No score yet: scores are worked out at the debrief.", "");
  }
  lines.push("**The brief, revealed**", "", markdownQuote(d.brief.instructions), "");
  lines.push(
    `Priorities: ${d.priorities.map((p) => `${md(p.what)} (${p.weight > 0 ? "+" : ""}${p.weight})`).join(", ")}.`,
    "",
  );
  if (d.brief.redLines.length === 0) lines.push("Red lines: none.", "");
  else lines.push("Red lines:", "", ...d.brief.redLines.map((r) => `- ${md(r.tag)}: ${md(r.why)}`), "");
  lines.push(`Success: ${escapeMarkdown(d.brief.success)}`, "");
  return lines.join("\n");
}

export function renderMarkdown(r: Report): string {
  const out: string[] = [`# ${md(r.title)}`, ""];
  out.push(
    `Session ${r.code}, ${formatTime(r.createdAt)} to ${formatTime(r.lastActionAt)}. Phase: ${md(r.phase)}${r.ended ? " (ended)" : ""}. Decision rule: ${r.decisionRule}.${r.host.length ? ` Facilitator: ${md(r.host.join(", "))}.` : ""}`,
    "",
  );
  out.push(`Source: ${md(r.citation)}`, "", "## Outcome", "");
  if (r.meters) {
    out.push(`- Global commons: ${r.meters.commons} (from −100, national cyberspaces, to +100, a global commons)`);
    out.push(`- Stability: ${r.meters.stability} (from −100, unstable, to +100, stable)`, "");
    // Each delegation against its own alternative: scales differ, so no leaderboard.
    out.push("Each delegation against its own alternative:", "");
    for (const d of r.delegations) if (d.score) out.push(`- ${escapeMarkdown(d.score.words)}`);
    out.push("");
  } else {
    out.push("The meters and scores are worked out at the debrief.", "");
  }
  out.push("## Instruments, final texts and signatures", "", ...r.instruments.map(instrumentBlock));
  out.push("## Delegations, scores and briefs", "", ...r.delegations.map(delegationBlock));
  out.push("## Timeline", "");
  if (r.timeline.length === 0) out.push("Nothing happened.", "");
  else {
    out.push("| When | Who | What |", "| --- | --- | --- |");
    for (const t of r.timeline) out.push(`| ${formatTime(t.at)} | ${cell(t.delegation ?? "")} | ${cell(t.text)} |`);
    out.push("");
  }
  out.push("## Questions for discussion", "");
  r.questions.forEach((q, n) => out.push(`${n + 1}. ${md(q)}`));
  out.push("");
  // Each student's answers under the question, by name (the host's record; the class sees them without names).
  const answered = r.questions.map((q, n) => ({ q, n, by: r.students.filter((s) => s.reflections[n] != null) }));
  if (answered.some((a) => a.by.length > 0)) {
    out.push("## Reflections", "");
    for (const { q, n, by } of answered) {
      if (by.length === 0) continue;
      out.push(`### ${n + 1}. ${md(q)}`, "", "| Student | Delegation | Answer |", "| --- | --- | --- |");
      for (const s of by) out.push(`| ${cell(s.name)} | ${cell(s.delegation)} | ${cell(s.reflections[n]!)} |`);
      out.push("");
    }
  }
  return out.join("\n");
}

export function exportMarkdown(state: SessionState, entries: readonly JournalEntry[]): string {
  return renderMarkdown(buildReport(state, entries));
}
