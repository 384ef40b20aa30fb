// Debrief: scores with each brief revealed, the outcome meters in words, the
// final texts with signatures, whose wording survived, a replay and the
// discussion questions.
import type { GameContext } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import type { SessionView } from "../../../shared/view.ts";
import { h, fill } from "../../ui/dom.ts";
import { delegationChip } from "../../ui/chips.ts";
import { delegationOf } from "../../ui/words.ts";
import { briefBlock } from "./briefing.ts";
import { resultWords } from "../../../shared/rules/result-words.ts";
import { timelineReplay } from "./timeline.ts";
import { reflectionForm } from "./reflection.ts";

/** The debrief's sections; a student's own answers (`answers`) take the place of the bare list of questions. */
export function debriefBody(view: SessionView, answers?: HTMLElement): HTMLElement[] {
  const d = view.debrief;
  if (!d) return [h("p", {}, "The results are being counted…")];
  // In the scenario's order: each delegation against its own alternative, never ranked against the others.
  const sorted = d.scores;
  return [
    h(
      "section",
      { class: "meters card-ish" },
      h("h3", {}, "Outcome"),
      h(
        "p",
        { id: "meter-commons" },
        `The Internet: ${d.commons > 0 ? "+" : ""}${d.commons} (−100 national cyberspaces … +100 a global commons)`,
      ),
      h(
        "p",
        { id: "meter-stability" },
        `Stability: ${d.stability > 0 ? "+" : ""}${d.stability} (−100 unstable … +100 stable)`,
      ),
    ),
    h(
      "section",
      { class: "scores card-ish" },
      h("h3", {}, "Each delegation against its own alternative, and the briefs revealed"),
      h(
        "ul",
        { class: "score-list" },
        ...sorted.map((s) => {
          const del = delegationOf(view, s.delegation);
          return h(
            "li",
            { class: "score" },
            h("p", { class: "score-line" }, delegationChip(del), " ", resultWords(del?.name ?? s.delegation, s)),
            h(
              "p",
              { class: "muted" },
              `Result ${s.score} · walk-away ${s.walkAway} · maximum ${s.maximum}${s.codeValue !== null && !s.signedCode ? ` · the code was worth ${s.codeValue} to it` : ""}`,
            ),
            h(
              "p",
              { class: "score-facts" },
              `Signed ${s.signed.length === 1 ? "1 text" : `${s.signed.length} texts`} · wrote ${Math.round((d.wording[s.delegation] ?? 0) * 100)}% of the words agreed`,
            ),
            s.redLinesCrossed.length
              ? h("p", { class: "warn" }, "Red lines crossed: ", s.redLinesCrossed.map((r) => r.tag).join(", "))
              : null,
            del?.brief
              ? h("details", {}, h("summary", {}, `${del.name}'s secret brief`), briefBlock(view, del.brief))
              : null,
          );
        }),
      ),
    ),
    h(
      "section",
      { class: "texts card-ish" },
      h("h3", {}, "Final texts"),
      ...view.instruments
        .filter((i) => i.frozen)
        .map((i) => {
          const sigs = view.signatures.filter((s) => s.instrument === i.id && s.version === i.frozen!.version);
          return h(
            "div",
            {},
            h("h4", {}, `${i.title} (final text)`),
            h("ol", {}, ...i.frozen!.provisions.map((p) => h("li", {}, h("strong", {}, p.title), ": ", p.text))),
            h(
              "p",
              {},
              "Signed by: ",
              sigs.length
                ? sigs.map((s) => `${delegationOf(view, s.delegation)?.name ?? s.delegation} (${s.name})`).join(", ")
                : "nobody",
            ),
            declinedLine(view, i.id, i.frozen!.version),
          );
        }),
    ),
    h("section", { class: "card-ish" }, h("h3", {}, "Timeline"), timelineReplay(view)),
    answers ??
      h(
        "section",
        { class: "card-ish" },
        h("h3", {}, "Discussion"),
        h("ol", {}, ...view.scenario.questions.map((q) => h("li", {}, q))),
      ),
  ];
}

export function debriefPanel(ctx: GameContext): Panel {
  let drawn: unknown = null;
  // A delegate answers the questions; the same boxes stay (typed text included) when the results are redrawn.
  const answers =
    ctx.link.welcome?.role === "delegate" ? reflectionForm(ctx.link, ctx.link.view?.scenario.questions ?? []) : null;
  return {
    update(view) {
      answers?.update(view);
      // The replay slider keeps its place unless the results themselves change.
      if (drawn === view.debrief && ctx.panel.childElementCount) return;
      drawn = view.debrief;
      fill(ctx.panel, h("h2", {}, "Debrief"), ...debriefBody(view, answers?.el));
    },
    destroy: () => answers?.destroy(),
  };
}

/** Who declined to sign a final text (a head's "Not now" that stood): refusing is an outcome too. */
function declinedLine(view: SessionView, instrument: string, version: string): HTMLElement | null {
  const declined = (view.declines ?? []).filter((d) => d.instrument === instrument && d.version === version);
  if (declined.length === 0) return null;
  return h(
    "p",
    { class: "declined" },
    "Declined to sign: ",
    declined.map((d) => `${delegationOf(view, d.delegation)?.name ?? d.delegation} (${d.name})`).join(", "),
  );
}
