// The pack's first page: what is in it and how to print it. From the home
// page it explains why role sheets come from a session's console.
import { escapeHtml as h } from "../exports/escape.ts";
import type { PageLinks } from "./layout.ts";
import { DOC_TITLES, type PackDoc, type PackSource } from "./source.ts";

const ABOUT: Record<PackDoc, string> = {
  plan: "A lesson plan for each lesson (one 45-minute period, two periods, a 90-minute workshop): objectives, minutes and what you do in each phase.",
  handout: "One page per student: how to join, what each phase is for, who reads what.",
  questions: "The debrief's discussion questions, with room to write.",
  rubric: "What to grade, read from the session's exports.",
  roles:
    "One confidential sheet per delegation: public position, secret brief, red lines, the cards and what each is worth to it.",
};

export function contentsBody(source: PackSource, links: PageLinks): string {
  const s = source.scenario;
  const item = (d: PackDoc) => `<li><a href="${h(links.doc(d))}">${h(DOC_TITLES[d])}</a>: ${h(ABOUT[d])}</li>`;
  const roles = links.roles
    ? `${item("roles")}<li>One delegation's sheet: ${s.delegations
        .map(
          (d) =>
            `<a href="${h(links.doc("roles").replace(/(\?|$)/, `/${encodeURIComponent(d.id)}$1`))}">${h(d.name)}</a>`,
        )
        .join(", ")}.</li>`
    : `<li><strong>${h(DOC_TITLES.roles)}</strong> hold every delegation's secret brief, so they are printed only from a session's console, with your host key: host the session first (days ahead is fine: everything is kept), then open <em>Teacher's pack</em> in its console.</li>`;
  return `<section class="sheet">
<p class="meta">Teacher's pack${source.session ? ` · session ${h(source.session.code)}` : ""}</p>
<h1>${h(s.title)}</h1>
<p>${h(s.summary)}</p>
<ul>${item("plan")}${item("handout")}${item("questions")}${item("rubric")}${roles}</ul>
<p class="no-print muted">Each page prints on its own sheets: use “Print or save as PDF” (or your browser's Print), and choose “Save as PDF” to keep a file.</p>
</section>`;
}
