// The discussion questions: the scenario's own debrief questions (the same
// ones students answer in the app at the debrief), with room to write, and
// what to read off the debrief screen with the class.
import { escapeHtml as h } from "../exports/escape.ts";
import { sheet } from "./layout.ts";
import type { PackSource } from "./source.ts";

export function questionsBody(source: PackSource): string {
  const s = source.scenario;
  const code = s.delegations.length;
  return sheet(
    `<p class="meta">Discussion questions · ${h(s.title)}</p>
<h1>Discussion questions</h1>
<p>At the debrief each student answers these in the app (short answers, kept with the session); you may show the answers on the projector without names. Print this page for a class that prefers to write.</p>
<ol>${s.questions.map((q) => `<li><p>${h(q)}</p><div class="answer-lines" aria-hidden="true"></div></li>`).join("")}</ol>
<h2>Reading the debrief screen together</h2>
<ul>
<li><strong>Each delegation against its own walk-away.</strong> A delegation succeeded when its result beats its best alternative to a shared code (the walk-away in its brief). The ${code} delegations' scales differ: compare each with itself, never with one another.</li>
<li><strong>Red lines.</strong> Signing a text across one of your own red lines leaves you below your walk-away, whatever else the text gives. Did any head sign one anyway, and why?</li>
<li><strong>The meters.</strong> Commons (a global commons against national cyberspaces) and stability: what did the class's texts and signatures do to each?</li>
<li><strong>Whose words survived.</strong> The share of the adopted words each delegation wrote: who drafted the agreement, and who only signed it?</li>
<li><strong>The briefs, revealed.</strong> Every secret brief is shown at the debrief. Which moves make sense now that you can read the others' briefs?</li>
</ul>`,
  );
}
