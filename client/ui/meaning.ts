// What a provision counts for, shown on it to everyone: its card (with the
// article's words it draws on and the citation) and its tags; and the
// decision rule where people vote. Scores follow meaning, in the open.
import type { SessionView } from "../../shared/view.ts";
import type { Amendment, Provision } from "../../shared/state.ts";
import { h } from "./dom.ts";

export const tagWords = (tag: string): string => tag.replace(/-/g, " ");

export function tagChips(tags: readonly string[]): HTMLElement {
  return h(
    "span",
    { class: "tags" },
    ...(tags.length
      ? tags.map((t) => h("span", { class: "tag" }, `#${tagWords(t)}`))
      : [h("span", { class: "muted" }, "no tags")]),
  );
}

/** "From the card …, tagged #a #b", with the card's quote and the source's citation. */
export function meaningBlock(view: SessionView, p: Pick<Provision, "card" | "tags">): HTMLElement {
  const card = p.card === null ? undefined : view.scenario.cards.find((c) => c.id === p.card);
  return h(
    "div",
    { class: "meaning" },
    h(
      "p",
      { class: "counts-for" },
      card ? `Card: ${card.title} · counts for ` : "Free text · counts for ",
      tagChips(p.tags),
    ),
    card
      ? h("blockquote", { class: "quote" }, `“${card.quote}”`, h("cite", {}, ` — ${view.scenario.source.citation}`))
      : null,
  );
}

const RULE_WORDS = {
  consensus: "consensus (adopted if no delegation says no)",
  majority: "majority (more yes than no)",
  "two-thirds": "two-thirds (at least twice as many yes as no)",
} as const;

/** The session's decision rule in words, for where people vote. */
export const ruleWords = (view: SessionView): string => `Decision rule: ${RULE_WORDS[view.decisionRule]}.`;

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** The rule and, under consensus, the deadline after which silence is consent. */
export function amendmentRule(view: SessionView, a: Amendment): HTMLElement {
  return h(
    "p",
    { class: "rule" },
    ruleWords(view),
    a.deadline !== null ? ` Adopted unless a delegation objects before ${clock(a.deadline)}.` : "",
  );
}

/** Who cast each delegation's vote on an amendment: "China: no (Lin)". */
export function votesWithCasters(view: SessionView, a: Amendment): string {
  return Object.entries(a.votes)
    .map(([d, v]) => {
      const name = view.scenario.delegations.find((x) => x.id === d)?.name ?? d;
      const by = a.castBy[d]?.name;
      return `${name}: ${v}${by ? ` (${by})` : ""}`;
    })
    .join(" · ");
}
