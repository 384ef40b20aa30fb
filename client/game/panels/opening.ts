// Opening statements: every delegation's public position, and where to speak.
import type { GameContext } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import { h, fill } from "../../ui/dom.ts";
import { whenChanged } from "../../ui/keyed.ts";
import { delegationChip } from "../../ui/chips.ts";

export function openingPanel(ctx: GameContext): Panel {
  // Redrawn only when what it shows changed (not for every chat line).
  const redraw = whenChanged();
  return {
    update(view) {
      redraw([view.scenario], () => {
        fill(
          ctx.panel,
          h("h2", {}, "Opening statements"),
          h("p", {}, "Each delegation states its position on the Floor. Listen for allies — and for red lines."),
          h(
            "ul",
            { class: "positions" },
            ...view.scenario.delegations.map((d) => h("li", {}, delegationChip(d), " ", d.publicPosition)),
          ),
        );
      });
    },
  };
}
