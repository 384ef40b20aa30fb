// Final text: what is bracketed must be resolved before the text is frozen.
// Heads of delegation vote on bracketed provisions the teacher puts to a vote.
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import { h, fill } from "../../ui/dom.ts";
import { actionButton } from "../../ui/act.ts";
import { currentText, delegationOf, isBracketed, provisionStatus, provisionsOf, shortHash, STATUS_WORDS } from "../../ui/words.ts";
import { instrumentTabs } from "./negotiation.ts";

export function finalTextPanel(ctx: GameContext): Panel {
  return {
    update(view) {
      const m = me(ctx);
      const inst = view.instruments.find((i) => i.id === ctx.instrument);
      const items = provisionsOf(view, ctx.instrument);
      fill(ctx.panel,
        h("h2", {}, "Final text"),
        instrumentTabs(ctx, view),
        inst?.frozen ? h("p", { class: "frozen" }, `Frozen: version ${shortHash(inst.frozen.version)}. This is the text that will be signed.`)
          : h("p", {}, "Bracketed text must be dropped or kept by a vote before the teacher freezes the text."),
        h("ol", { class: "final-list" }, ...items.map((p) => {
          const status = provisionStatus(p);
          const votes = p.vote ? Object.entries(p.vote.votes).map(([d, v]) => `${delegationOf(view, d)?.emblem ?? d} ${v}`).join(" · ") : "";
          return h("li", { class: `final-item status-${status}` },
            h("h3", {}, p.title, " ", h("span", { class: `badge status-${status}` }, STATUS_WORDS[status])),
            h("p", { class: isBracketed(p) ? "bracketed" : "" }, isBracketed(p) ? `[${currentText(p)}]` : currentText(p)),
            p.vote ? h("div", { class: "vote" }, h("p", {}, "Vote open: keep this text? ", votes || "no votes yet"),
              m.isHead ? h("div", { class: "row" }, ...(["yes", "no", "abstain"] as const).map((v) => actionButton(ctx.link, v === "yes" ? "Keep it" : v === "no" ? "Drop it" : "Abstain", () => ({ type: "vote.cast", provision: p.id, vote: v }))))
                : h("p", { class: "muted" }, "Your head of delegation casts your vote.")) : null,
            p.status === "tabled" && p.tabledBy === m.delegation && !inst?.frozen ? actionButton(ctx.link, "Withdraw", () => ({ type: "provision.withdraw", provision: p.id }), { cls: "danger" }) : null);
        })));
    },
  };
}
