// Signing: the head of delegation signs the frozen text; everyone sees each
// signature with the version it names.
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import { h, fill } from "../../ui/dom.ts";
import { whenChanged } from "../../ui/keyed.ts";
import { tagChips } from "../../ui/meaning.ts";
import { signControl } from "./sign-warning.ts";
import { standingBlock } from "./standing.ts";
import { delegationChip } from "../../ui/chips.ts";
import { delegationOf, isParty } from "../../ui/words.ts";

export function signingPanel(ctx: GameContext): Panel {
  // Redrawn only when what it shows changed (not for every chat line).
  const redraw = whenChanged();
  return {
    update(view) {
      redraw(
        [
          me(ctx).seat,
          me(ctx).delegation,
          view.instruments,
          view.signatures,
          view.declines,
          view.standing?.instruments,
        ],
        () => {
          const m = me(ctx);
          const frozen = view.instruments.filter((i) => i.frozen);
          fill(
            ctx.panel,
            h("h2", {}, "Signing"),
            // On a phone the texts are long: the head's decision is one tap away from the top.
            m.isHead && frozen.some((i) => isParty(view, i.id, m.delegation))
              ? h(
                  "a",
                  { href: "#sign-decision", class: "to-decision" },
                  "↓ Read the text, then decide: sign or not now",
                )
              : null,
            frozen.length === 0 ? h("p", {}, "No text was frozen, so there is nothing to sign.") : null,
            ...frozen.map((inst) => {
              const f = inst.frozen!;
              const sigs = view.signatures.filter((s) => s.instrument === inst.id && s.version === f.version);
              const declines = (view.declines ?? []).filter((d) => d.instrument === inst.id && d.version === f.version);
              const declined = declines.some((d) => d.delegation === m.delegation);
              const signed = sigs.some((s) => s.delegation === m.delegation);
              const party = isParty(view, inst.id, m.delegation);
              return h(
                "section",
                { class: "instrument-sign card-ish" },
                h("h3", {}, inst.title, " ", h("span", { class: "badge" }, "final text")),
                h(
                  "ol",
                  {},
                  ...f.provisions.map((p) =>
                    h("li", {}, h("strong", {}, p.title), ": ", p.text, " ", tagChips(p.tags)),
                  ),
                ),
                party ? standingBlock(view, inst.id) : null,
                h("h4", {}, `Signatures (${sigs.length})`),
                h(
                  "ul",
                  { class: "signatures" },
                  ...sigs.map((s) =>
                    h("li", {}, "✍ ", delegationChip(delegationOf(view, s.delegation)), ` signed by ${s.name}`),
                  ),
                  ...declines.map((d) =>
                    h(
                      "li",
                      { class: "declined" },
                      "✗ ",
                      delegationChip(delegationOf(view, d.delegation)),
                      ` declined to sign, for now (${d.name})`,
                    ),
                  ),
                ),
                !party
                  ? h("p", { class: "muted" }, "Your delegation is not a party to this instrument.")
                  : signed
                    ? h("p", { class: "ok" }, "✔ Your delegation has signed.")
                    : m.isHead && m.delegation
                      ? h("div", { id: "sign-decision" }, signControl(ctx.link, view, inst, m.delegation))
                      : h(
                          "p",
                          { class: "muted" },
                          declined
                            ? "Your head of delegation declined to sign, for now: they can still sign until Signing ends. "
                            : "",
                          "Only your head of delegation can sign. Tell them what you think on the Team channel.",
                        ),
              );
            }),
          );
        },
      );
    },
  };
}
