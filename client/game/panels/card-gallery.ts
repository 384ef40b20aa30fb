// The scenario's provision cards, to read before tabling one: each card's
// title, text, tags, the article's words it draws on, and what it is worth to
// your delegation by its own brief (the only brief this page ever has). The
// later-stage topics are set apart and said what they are. Kept: a card's
// element is made once and leaves when its card is on the table.
import { h, setHidden } from "../../ui/dom.ts";
import { keyedList } from "../../ui/keyed.ts";
import { tagChips, tagWords } from "../../ui/meaning.ts";
import type { SessionView } from "../../../shared/view.ts";
import type { Brief, ProvisionCard } from "../../../shared/scenario.ts";

const points = (n: number) => `${n > 0 ? "+" : "−"}${Math.abs(n)}`;

/** What the card would be worth to the delegation, in its own brief's words (null: no brief on this page). */
export function worthWords(card: ProvisionCard, brief: Brief | undefined, name: string): string[] | null {
  if (!brief) return null;
  const lines: string[] = [];
  for (const p of brief.priorities) {
    if (p.card === card.id) lines.push(`${points(p.weight)} points to ${name}: this card is one of its priorities.`);
    else if (p.tag && card.tags.includes(p.tag))
      lines.push(`${points(p.weight)} points to ${name} for anything tagged #${tagWords(p.tag)} (counted once).`);
  }
  for (const r of brief.redLines)
    if (card.tags.includes(r.tag)) lines.push(`⚠ Crosses ${name}'s red line (#${tagWords(r.tag)}): ${r.why}`);
  if (lines.length === 0) lines.push(`Worth nothing to ${name} by its brief: none of its priorities or red lines.`);
  return lines;
}

const LATER =
  "Later-stage topics are the “more substantial discussions” the article expects once a basic agreement " +
  "exists. You may table one now, but the other delegations may not be ready for it.";

export interface Gallery {
  el: HTMLElement;
  /** Shows the cards not on the instrument yet. `table(id)` tables one. */
  update(view: SessionView, onTable: Set<string | null>, mine: string | null): void;
}

export function cardGallery(table: (card: string, slot: HTMLElement) => void): Gallery {
  const core = h("ul", { class: "card-gallery", id: "card-gallery", "aria-label": "Provision cards" });
  const later = h("ul", { class: "card-gallery", "aria-label": "Later-stage provision cards" });
  const laterPart = h(
    "div",
    { class: "later-part" },
    h("h4", { id: "later-heading" }, "Later-stage topics"),
    h("p", { class: "later-about" }, LATER),
    later,
  );
  const none = h("p", { class: "muted" }, "Every card is already on this instrument.");
  const el = h("div", { class: "gallery" }, none, core, laterPart);
  const item = (view: SessionView, c: ProvisionCard, mine: string | null): HTMLElement => {
    const me = view.scenario.delegations.find((d) => d.id === mine);
    const worth = worthWords(c, me?.brief, me?.name ?? "your delegation");
    const slot = h("p", { class: "action-error", role: "alert" });
    const button = h(
      "button",
      { type: "button", class: "primary table-this", "aria-describedby": `card-${c.id}-title` },
      "Table this card",
    );
    button.addEventListener("click", () => table(c.id, slot));
    return h(
      "li",
      { class: `gallery-card stage-${c.stage}`, "data-card": c.id },
      h("h4", { id: `card-${c.id}-title` }, c.title),
      c.stage === "later" ? h("p", { class: "badge later-badge" }, "Later-stage topic") : null,
      h("p", { class: "card-text" }, c.text),
      h("p", { class: "card-tags" }, "Counts for ", tagChips(c.tags)),
      h("blockquote", { class: "quote" }, `“${c.quote}”`, h("cite", {}, ` — ${view.scenario.source.citation}`)),
      worth
        ? h(
            "div",
            { class: "worth" },
            h("p", { class: "worth-title" }, "What it is worth to you (secret)"),
            ...worth.map((w) => h("p", { class: w.startsWith("⚠") ? "warn" : "" }, w)),
          )
        : null,
      button,
      slot,
    );
  };
  return {
    el,
    update(view, onTable, mine) {
      const cards = view.scenario.cards.filter((c) => !onTable.has(c.id));
      const show = (list: HTMLElement, which: ProvisionCard[]) =>
        keyedList(
          list,
          which,
          (c) => c.id,
          (c) => [c.title, c.stage, mine],
          (c) => item(view, c, mine),
        );
      show(
        core,
        cards.filter((c) => c.stage !== "later"),
      );
      const laterCards = cards.filter((c) => c.stage === "later");
      show(later, laterCards);
      setHidden(laterPart, laterCards.length === 0);
      setHidden(none, cards.length > 0);
    },
  };
}
