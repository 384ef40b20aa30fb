// Chairing the drafting: close amendment votes, resolve brackets by dropping
// or by a vote, freeze (and unfreeze) each instrument's text; release injects.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { h, fill } from "../ui/dom.ts";
import { countVotes, tallyWords, votersOn } from "../../shared/vote-words.ts";
import { actionButton, may } from "../ui/act.ts";
import { tagChips, voteRule } from "../ui/meaning.ts";
import { retagControl } from "./retag.ts";
import {
  currentText,
  delegationOf,
  isBracketed,
  newsFor,
  provisionStatus,
  provisionsOf,
  resolutionWords,
  STATUS_WORDS,
  voteTally,
} from "../ui/words.ts";

export function draftingPanel(link: SessionLink): { el: HTMLElement; update(v: SessionView): void } {
  const body = h("div", {});
  const el = h(
    "section",
    { class: "card", id: "drafting", "aria-labelledby": "drafting-h" },
    h("h2", { id: "drafting-h" }, "Drafting"),
    body,
  );
  return {
    el,
    update(v) {
      fill(
        body,
        ...v.instruments.map((inst) => {
          const items = provisionsOf(v, inst.id);
          return h(
            "div",
            { class: "instrument" },
            h("h3", {}, inst.title, inst.frozen ? " — frozen: this is the text to sign" : ""),
            may(link, v, "instrument.freeze")
              ? h(
                  "div",
                  { class: "row" },
                  inst.frozen
                    ? actionButton(link, "Unfreeze", () => ({ type: "instrument.unfreeze", instrument: inst.id }))
                    : actionButton(
                        link,
                        "Freeze the text",
                        () => ({ type: "instrument.freeze", instrument: inst.id }),
                        { cls: "primary" },
                      ),
                )
              : null,
            h(
              "ul",
              { class: "host-provisions" },
              ...items.map((p) => {
                const status = provisionStatus(p);
                const pending = v.amendments.filter((a) => a.provision === p.id && a.status === "pending");
                const news = newsFor(v, p);
                const resolved = resolutionWords(v, p);
                return h(
                  "li",
                  {},
                  h("strong", {}, isBracketed(p) ? `[${p.title}]` : p.title),
                  " ",
                  h("span", { class: `badge status-${status}` }, STATUS_WORDS[status]),
                  h("p", { class: "small" }, currentText(p)),
                  h("p", { class: "small" }, "Counts for ", tagChips(p.tags)),
                  may(link, v, "provision.retag") && p.status === "tabled" && !inst.frozen
                    ? retagControl(link, v, p)
                    : null,
                  news.length ? h("p", { class: "small in-news" }, `In the news: ${news.join(" · ")}`) : null,
                  resolved ? h("p", { class: "small resolution" }, resolved) : null,
                  ...pending.map((a) =>
                    h(
                      "div",
                      { class: "row" },
                      `Amendment by ${delegationOf(v, a.by)?.name ?? a.by}: ${tallyWords("amendment", countVotes(a.votes))}, ${Object.keys(a.votes).length} of ${votersOn(v, p.instrument)} voted${a.deadline !== null ? `; silence is consent from ${new Date(a.deadline).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` : ""}`,
                      may(link, v, "amendment.close")
                        ? actionButton(link, "Close the vote", () => ({ type: "amendment.close", amendment: a.id }))
                        : null,
                    ),
                  ),
                  may(link, v, "bracket.resolve") && isBracketed(p) && !p.vote
                    ? h(
                        "div",
                        { class: "row" },
                        actionButton(link, "Drop it", () => ({
                          type: "bracket.resolve",
                          provision: p.id,
                          how: "drop",
                        })),
                        actionButton(link, "Put it to a vote", () => ({
                          type: "bracket.resolve",
                          provision: p.id,
                          how: "vote",
                        })),
                      )
                    : null,
                  p.vote
                    ? h(
                        "div",
                        { class: "host-vote" },
                        h(
                          "div",
                          { class: "row" },
                          `Vote open: ${voteTally(v, p)}`,
                          actionButton(link, "Close the vote", () => ({ type: "vote.close", provision: p.id })),
                        ),
                        voteRule(v, "bracket", p.instrument),
                      )
                    : null,
                );
              }),
            ),
          );
        }),
      );
    },
  };
}

export function injectsPanel(link: SessionLink): { el: HTMLElement; update(v: SessionView): void } {
  // Scrolls inside its card so the draft below stays near the top; focusable for the keyboard.
  const list = h("ul", { class: "injects", tabindex: 0, "aria-label": "News to release" });
  const el = h(
    "section",
    { class: "card", id: "injects", "aria-labelledby": "injects-h" },
    h("h2", { id: "injects-h" }, "News injects"),
    list,
  );
  return {
    el,
    update(v) {
      const released = new Set(v.injectsReleased.map((r) => r.inject));
      fill(
        list,
        ...v.scenario.injects.map((i) =>
          h(
            "li",
            {},
            h("strong", {}, i.headline),
            i.suggestedPhase ? h("span", { class: "muted" }, ` (suggested: ${i.suggestedPhase})`) : "",
            h("p", { class: "small" }, i.body),
            released.has(i.id)
              ? h("span", { class: "badge" }, "Released")
              : actionButton(link, "Release", () => ({ type: "inject.release", inject: i.id })),
          ),
        ),
      );
    },
  };
}
