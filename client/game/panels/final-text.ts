// Final text: what is bracketed must be resolved before the text is frozen.
// Heads of delegation vote on bracketed provisions the teacher puts to a vote;
// the result (kept or dropped, with the count) stays on the provision.
import { tagChips, voteRule } from "../../ui/meaning.ts";
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import { h, fill } from "../../ui/dom.ts";
import { whenChanged } from "../../ui/keyed.ts";
import { actionButton } from "../../ui/act.ts";
import {
  currentText,
  isBracketed,
  isParty,
  provisionStatus,
  provisionsOf,
  resolutionWords,
  STATUS_WORDS,
  voteTally,
} from "../../ui/words.ts";
import { instrumentTabs } from "./negotiation.ts";

export function finalTextPanel(ctx: GameContext): Panel {
  // Redrawn only when what it shows changed (not for every chat line).
  const redraw = whenChanged();
  return {
    update(view) {
      redraw([me(ctx).seat, ctx.instrument, view.instruments, view.provisions, view.phase], () => {
        const m = me(ctx);
        const inst = view.instruments.find((i) => i.id === ctx.instrument);
        const items = provisionsOf(view, ctx.instrument);
        const party = isParty(view, ctx.instrument, m.delegation);
        fill(
          ctx.panel,
          h("h2", {}, "Final text"),
          instrumentTabs(ctx, view),
          inst?.frozen
            ? h("p", { class: "frozen" }, "Frozen: this is the text that will be signed.")
            : h(
                "p",
                {},
                "Text in [brackets] is text someone objects to. The teacher drops it, or puts it to a vote of the heads of delegation, before freezing the text.",
              ),
          h(
            "ol",
            { class: "final-list" },
            ...items.map((p) => {
              const status = provisionStatus(p);
              const resolved = resolutionWords(view, p);
              return h(
                "li",
                { class: `final-item status-${status}` },
                h("h3", {}, p.title, " ", h("span", { class: `badge status-${status}` }, STATUS_WORDS[status])),
                h(
                  "p",
                  { class: isBracketed(p) ? "bracketed" : "" },
                  isBracketed(p) ? `[${currentText(p)}]` : currentText(p),
                ),
                h("p", { class: "counts-for" }, "Counts for ", tagChips(p.tags)),
                resolved ? h("p", { class: `resolution ${p.status === "dropped" ? "warn" : "ok"}` }, resolved) : null,
                p.vote
                  ? h(
                      "div",
                      { class: "vote", role: "group", "aria-label": `Vote on ${p.title}` },
                      h(
                        "p",
                        {},
                        h("strong", {}, "Vote open: "),
                        "keep this text? ",
                        h("span", { class: "tally" }, voteTally(view, p)),
                      ),
                      voteRule(view, "bracket", p.instrument),
                      m.isHead && party
                        ? h(
                            "div",
                            { class: "row" },
                            ...(["yes", "no", "abstain"] as const).map((v) =>
                              actionButton(
                                ctx.link,
                                `${v === "yes" ? "✓ Keep it" : v === "no" ? "✗ Drop it" : "Abstain"}${m.delegation && p.vote?.votes[m.delegation] === v ? " (your vote)" : ""}`,
                                () => ({ type: "vote.cast", provision: p.id, vote: v }),
                                {
                                  cls: `vote-${v}`,
                                  pressed: !!m.delegation && p.vote?.votes[m.delegation] === v,
                                  fk: `vote:${p.id}:${v}`,
                                },
                              ),
                            ),
                          )
                        : h(
                            "p",
                            { class: "muted" },
                            party
                              ? "Your head of delegation casts your vote."
                              : "Your delegation is not a party to this instrument.",
                          ),
                    )
                  : null,
                p.status === "tabled" && p.tabledBy === m.delegation && !inst?.frozen
                  ? actionButton(ctx.link, "Withdraw", () => ({ type: "provision.withdraw", provision: p.id }), {
                      cls: "danger",
                    })
                  : null,
              );
            }),
          ),
        );
      });
    },
  };
}
