// Lesson plans: one sheet per preset (and, for a session, its own plan
// first), each with the scenario's learning objectives and, phase by phase,
// the minutes (the preset's own), the clock, what students do and what the
// teacher does.
import { PHASE_TITLES } from "../../shared/phases.ts";
import { PRESETS, planMinutes, presetDefinition, presetPlan, type PresetDefinition } from "../../shared/presets.ts";
import type { PhasePlanEntry, Scenario } from "../../shared/scenario.ts";
import { escapeHtml as h } from "../exports/escape.ts";
import { clock, minutesWords, sheet } from "./layout.ts";
import { forStudents, forTeacher } from "./phase-guide.ts";
import type { PackSource } from "./source.ts";

function objectives(s: Scenario): string {
  return `<h3>Learning objectives</h3><ol>${s.learningObjectives.map((o) => `<li>${h(o)}</li>`).join("")}</ol>`;
}

function materials(s: Scenario): string {
  const delegations = s.delegations.map((d) => `${h(d.name)} <span class="muted">(${h(d.bloc)})</span>`).join(", ");
  return `<h3>Before class</h3><ul>
<li>A laptop on the projector with the host console; a phone, tablet or Chromebook per student or pair.</li>
<li>The student handout, one each; the confidential role sheets, one per delegation, if your class prefers paper.</li>
<li>${s.delegations.length} delegations: ${delegations}. Two to eight students each; an empty delegation can be played by the computer.</li>
</ul>`;
}

function phaseRows(s: Scenario, plan: readonly PhasePlanEntry[], pauseAfter: string | null): string {
  let at = 0;
  const rows: string[] = [];
  rows.push(
    `<tr><td class="num">—</td><td><strong>Joining</strong></td><td>Open the link or scan the QR code, type the code and a display name.</td><td><ul><li>Show the projector view; lock joining once everyone is in.</li></ul></td></tr>`,
  );
  for (const p of plan) {
    const start = at;
    at += p.minutes;
    rows.push(
      `<tr><td class="num">${clock(start)}–${clock(at)}</td><td><strong>${h(PHASE_TITLES[p.phase])}</strong><br><span class="muted">${h(minutesWords(p.minutes))}</span></td><td>${h(forStudents(p.phase, p))}</td><td><ul>${forTeacher(
        p.phase,
        p,
        s,
      )
        .map((t) => `<li>${h(t)}</li>`)
        .join("")}</ul></td></tr>`,
    );
    if (p.phase === pauseAfter) {
      rows.push(
        `<tr><td colspan="4"><strong>End of the first period.</strong> Press “Adjourn until next lesson” at the bell: the clock stops and every seat is kept. Next time students open the same join link on the same device (or use their rejoin code); press “Reconvene”.</td></tr>`,
      );
      at = 0;
    }
  }
  return `<table class="plan-table"><thead><tr><th class="num">Clock</th><th>Phase</th><th class="students">Students</th><th class="you">You</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function totals(plan: readonly PhasePlanEntry[], pauseAfter: string | null): string {
  if (!pauseAfter) return `${planMinutes(plan)} minutes of phases`;
  const split = plan.findIndex((p) => p.phase === pauseAfter) + 1;
  return `${planMinutes(plan.slice(0, split))} minutes in the first period, ${planMinutes(plan.slice(split))} in the second`;
}

function presetSheet(
  s: Scenario,
  title: string,
  about: string,
  plan: readonly PhasePlanEntry[],
  pauseAfter: string | null,
  id: string,
): string {
  return sheet(
    `<p class="meta">Lesson plan · ${h(s.title)}</p>
<h1>${h(title)}</h1>
<p>${h(about)} <strong>${h(totals(plan, pauseAfter))}.</strong></p>
${objectives(s)}
<h3>Phase by phase</h3>
${phaseRows(s, plan, pauseAfter)}
${materials(s)}`,
    ` id="plan-${h(id)}"`,
  );
}

export function planBody(source: PackSource): string {
  const s = source.scenario;
  const own = source.session;
  const sheets: string[] = [];
  if (own) {
    const chosen: PresetDefinition | null = own.lesson.preset ? presetDefinition(own.lesson.preset) : null;
    sheets.push(
      presetSheet(
        s,
        `This session: ${chosen ? chosen.title : "the scenario's own plan"}`,
        `Session ${own.code}, with the minutes chosen when it was hosted.`,
        own.phases,
        own.lesson.pauseAfter,
        "session",
      ),
    );
  }
  for (const def of PRESETS) {
    sheets.push(presetSheet(s, def.title, def.description, presetPlan(s.phases, def.id), def.pauseAfter, def.id));
  }
  return sheets.join("\n");
}
