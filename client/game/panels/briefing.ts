// Briefing: the delegation's public position, its secret brief and the context
// from the source article.
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import type { SessionView } from "../../../shared/view.ts";
import type { Brief } from "../../../shared/scenario.ts";
import { tagWords } from "../../ui/meaning.ts";
import { h, fill } from "../../ui/dom.ts";
import { whenChanged } from "../../ui/keyed.ts";
import { delegationChip } from "../../ui/chips.ts";
import { delegationOf } from "../../ui/words.ts";

export function briefBlock(view: SessionView, brief: Brief): HTMLElement {
  const cardTitle = (id: string) => view.scenario.cards.find((c) => c.id === id)?.title ?? id;
  return h(
    "div",
    { class: "brief" },
    h("p", {}, brief.instructions),
    h("h4", {}, "Your priorities"),
    h(
      "ul",
      {},
      ...brief.priorities.map((p) =>
        h(
          "li",
          {},
          `${p.weight > 0 ? "+" : ""}${p.weight} points: `,
          p.card
            ? `“${cardTitle(p.card)}”`
            : p.tag
              ? `anything tagged #${p.tag.replace(/-/g, " ")}`
              : "every delegation signs the code",
        ),
      ),
    ),
    h(
      "p",
      { class: "walk-away" },
      h("strong", {}, `Your walk-away: ${brief.walkAway.value} points. `),
      `Your alternative if no code you can accept is signed: ${brief.walkAway.alternative} `,
      "Each priority counts once; a code counts only if two or more delegations sign it; signing across a red line leaves you below your walk-away.",
    ),
    brief.redLines.length ? h("h4", {}, "Red lines (never sign these)") : null,
    // A red line by what it is about (its tag in words, as the provision chips show it), then why.
    h(
      "ul",
      { class: "red-lines" },
      ...brief.redLines.map((r) => h("li", {}, h("strong", {}, `Anything tagged #${tagWords(r.tag)}`), ": ", r.why)),
    ),
    h("p", {}, h("strong", {}, "Success: "), brief.success),
  );
}

export function briefingPanel(ctx: GameContext): Panel {
  // Redrawn only when what it shows changed (not for every chat line).
  const redraw = whenChanged();
  return {
    update(view) {
      redraw([me(ctx).delegation, view.scenario], () => {
        const d = delegationOf(view, me(ctx).delegation);
        const s = view.scenario;
        fill(
          ctx.panel,
          h("h2", {}, "Briefing: ", delegationChip(d)),
          d
            ? h(
                "section",
                { class: "card-ish" },
                h("h3", {}, "Public position (everyone knows this)"),
                h("p", {}, d.publicPosition),
              )
            : null,
          d?.brief
            ? h(
                "section",
                { class: "card-ish secret" },
                h("h3", {}, "Secret brief (only your delegation sees this)"),
                briefBlock(view, d.brief),
              )
            : null,
          h(
            "section",
            { class: "card-ish" },
            h("h3", {}, "The context"),
            h("p", {}, s.summary),
            h("p", { class: "muted" }, "Source: ", s.source.citation),
            h("h4", {}, "In this lesson you will"),
            h("ul", {}, ...s.learningObjectives.map((o) => h("li", {}, o))),
          ),
        );
      });
    },
  };
}
