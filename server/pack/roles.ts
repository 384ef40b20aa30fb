// Confidential role sheets, one per delegation (each on its own sheet when
// printed): public position, secret brief, what success looks like, the
// walk-away, the red lines in words, the priorities with their points, and
// every provision card with the article's words it draws on and what it is
// worth to this delegation alone, by the rules' own scoring. Secret: served
// only to a session's host (router.ts).
import type { Delegation, Scenario } from "../../shared/scenario.ts";
import { maximumOf, priorityWords, valuation } from "../../shared/rules/score.ts";
import { escapeHtml as h } from "../exports/escape.ts";
import { sheet } from "./layout.ts";

const tagWords = (tag: string) => tag.replace(/-/g, " ");
const points = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n)}`;

function cardRows(s: Scenario, d: Delegation): string {
  const worth = s.cards.map((c) => {
    const v = valuation(s, d.brief, [{ card: c.id, tags: c.tags }], false);
    return { card: c, value: v.value, crossed: v.crossed.map((x) => x.tag) };
  });
  // What it wants most first; what it can never sign last.
  worth.sort((a, b) => Number(a.crossed.length > 0) - Number(b.crossed.length > 0) || b.value - a.value);
  return worth
    .map(({ card, value, crossed }) => {
      const verdict = crossed.length
        ? `<strong>Red line</strong>: ${h(crossed.map(tagWords).join(", "))}`
        : `<strong>${h(points(value))}</strong>`;
      return `<tr class="card-row"><td><strong>${h(card.title)}</strong>${card.stage === "later" ? ' <span class="muted">(later stage)</span>' : ""}<br>${h(card.text)}<p class="quote">“${h(card.quote)}”</p><span class="muted">Counts for: ${h(card.tags.map(tagWords).join(", ") || "nothing")}</span></td><td class="num">${verdict}</td></tr>`;
    })
    .join("");
}

function delegationSheet(s: Scenario, d: Delegation): string {
  const b = d.brief;
  const red = b.redLines.length
    ? `<ul>${b.redLines.map((r) => `<li><strong>Never sign anything about ${h(tagWords(r.tag))}.</strong> ${h(r.why)}</li>`).join("")}</ul>`
    : `<p>None: you may sign anything that beats your walk-away.</p>`;
  const priorities = b.priorities
    .map((p) => `<tr><td>${h(priorityWords(s, p))}</td><td class="num">${h(points(p.weight))}</td></tr>`)
    .join("");
  return sheet(
    `<p><span class="confidential">Confidential</span> <span class="meta">Role sheet · ${h(s.title)}</span></p>
<h1><span class="swatch" style="background:${h(d.colour)}"></span>${h(d.name)} <span class="muted">(${h(d.emblem)}, ${h(d.bloc)})</span></h1>
<p class="muted">For the delegation of ${h(d.name)} only. Keep it from the other delegations until the debrief, when every brief is revealed.</p>
<h2>Public position</h2>
<p>${h(d.publicPosition)}</p>
<h2>Your secret brief</h2>
<p>${h(b.instructions)}</p>
<p><strong>Success:</strong> ${h(b.success)}</p>
<div class="box"><p><strong>Your walk-away: ${h(String(b.walkAway.value))} points.</strong> ${h(b.walkAway.alternative)}</p>
<p>A shared code is worth signing only if it gives you more than that. The most it could give you: ${h(String(maximumOf(s, d.id)))}.</p></div>
<h2>Your red lines</h2>
${red}
<h2>Your priorities</h2>
<p class="muted">Each counts once, however many provisions meet it.</p>
<table><thead><tr><th>What</th><th class="num">Points</th></tr></thead><tbody>${priorities}</tbody></table>
<h2>The cards, and what each is worth to you</h2>
<p class="muted">Each card on its own, in the article's words (${h(s.source.citation)}).</p>
<table><thead><tr><th>Card</th><th class="num">Worth to you</th></tr></thead><tbody>${cardRows(s, d)}</tbody></table>`,
    ` id="role-${h(d.id)}"`,
  );
}

/** Every delegation's sheet, or only the one asked for. */
export function rolesBody(s: Scenario, only?: Delegation): string {
  return (only ? [only] : s.delegations).map((d) => delegationSheet(s, d)).join("\n");
}
