// What a provision counts for, shown on it to everyone: its card (with the
// article's words it draws on and the citation) and its tags; and the
// decision rule where people vote. Scores follow meaning, in the open.
import type { SessionView } from "../../shared/view.ts";
import type { Amendment, Provision } from "../../shared/state.ts";
import { h } from "./dom.ts";
import { countVotes, ruleSentence, tallyWords, votersOn, whoVotes, type VoteKind } from "../../shared/vote-words.ts";

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

/** A vote's rule and who may vote, in plain words, where people vote (shared/vote-words.ts). */
export function voteRule(view: SessionView, kind: VoteKind, instrumentId: string, extra = ""): HTMLElement {
  return h(
    "p",
    { class: "rule" },
    ruleSentence(view.decisionRule, kind, votersOn(view, instrumentId)),
    extra,
    " ",
    h("span", { class: "who-votes" }, whoVotes(kind)),
  );
}

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** An amendment's rule, who votes, and under consensus the deadline after which silence is consent. */
export function amendmentRule(view: SessionView, a: Amendment): HTMLElement {
  const instrument = view.provisions.find((p) => p.id === a.provision)?.instrument ?? "";
  const deadline =
    a.deadline !== null
      ? ` Adopted unless a delegation objects before ${clock(a.deadline)}: after that, silence counts as Yes.`
      : "";
  return voteRule(view, "amendment", instrument, deadline);
}

/** The tally and who cast each delegation's vote on an amendment: "Yes 1, No 1 · China: no (Lin) · …". */
export function votesWithCasters(view: SessionView, a: Amendment): string {
  if (Object.keys(a.votes).length === 0) return "";
  const who = Object.entries(a.votes)
    .map(([d, v]) => {
      const name = view.scenario.delegations.find((x) => x.id === d)?.name ?? d;
      const by = a.castBy[d]?.name;
      return `${name}: ${v}${by ? ` (${by})` : ""}`;
    })
    .join(" · ");
  return `${tallyWords("amendment", countVotes(a.votes))} · ${who}`;
}
