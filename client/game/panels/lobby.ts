// Lobby: which delegation you sit in and who sits where, while the class settles.
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import { h, fill } from "../../ui/dom.ts";
import { whenChanged } from "../../ui/keyed.ts";
import { delegationChip } from "../../ui/chips.ts";
import { delegationOf } from "../../ui/words.ts";
import { roster } from "./roster.ts";
import { privacyOf, privacyWords } from "../../../shared/privacy.ts";

export function lobbyPanel(ctx: GameContext): Panel {
  // Redrawn only when what it shows changed (not for every chat line).
  const redraw = whenChanged();
  return {
    update(view) {
      redraw([me(ctx).seat, me(ctx).delegation, view.scenario, view.seats, view.lesson], () => {
        const d = delegationOf(view, me(ctx).delegation);
        fill(
          ctx.panel,
          h("h2", {}, "You are in the ", delegationChip(d), " delegation"),
          me(ctx).isHead
            ? h("p", {}, "★ You are the head of your delegation: you sign and cast your delegation's final votes.")
            : null,
          d ? h("p", { class: "position" }, h("strong", {}, "Public position: "), d.publicPosition) : null,
          h("p", { class: "muted" }, `Waiting for the teacher to start “${view.scenario.title}”.`),
          h("p", { class: "privacy-note", id: "privacy-note" }, "🔒 ", privacyWords(privacyOf(view))),
          h("h3", {}, "Who sits where"),
          roster(view),
        );
      });
    },
  };
}
