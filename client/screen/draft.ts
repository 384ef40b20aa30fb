// The draft on the big screen: each instrument, who has signed it (in
// signing), and its provisions with their text, brackets, amendments and the
// live tally of every open vote, stances and news. Kept: a stance or a vote
// changes one provision's item, nothing else.
import { h } from "../ui/dom.ts";
import { keyedList, Spot } from "../ui/keyed.ts";
import { delegationChip, stanceChip } from "../ui/chips.ts";
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
import { diffLine } from "../game/panels/provision-card.ts";
import { amendmentRule, voteRule, votesWithCasters } from "../ui/meaning.ts";
import { applyEdit } from "../../shared/rules/words.ts";
import type { SessionView } from "../../shared/view.ts";
import type { Stance } from "../../shared/protocol.ts";
import type { Provision } from "../../shared/state.ts";

/** One provision as the room reads it: title and status, text, amendments with their tallies, news, vote, stances. */
function provisionItem(v: SessionView, p: Provision): HTMLElement {
  const status = provisionStatus(p);
  const news = newsFor(v, p);
  const resolved = resolutionWords(v, p);
  const text = currentText(p);
  const pending = v.amendments.filter((a) => a.provision === p.id && a.status === "pending");
  return h(
    "li",
    { class: `status-${status}`, "data-provision": p.id },
    h("h3", {}, p.title, " ", h("span", { class: `badge status-${status}` }, STATUS_WORDS[status])),
    h("p", { class: "text" }, isBracketed(p) ? `[${text}]` : text),
    ...pending.map((a) =>
      h(
        "div",
        { class: "amendment" },
        h("p", { class: "label" }, `Amendment proposed by ${delegationOf(v, a.by)?.name ?? a.by}:`),
        diffLine(text, applyEdit(text, a.edit) ?? text),
        h("p", { class: "vote tally" }, h("strong", {}, "Vote: "), votesWithCasters(v, a) || "No votes yet"),
        amendmentRule(v, a),
      ),
    ),
    news.length ? h("p", { class: "in-news" }, `In the news: ${news.join(" · ")}`) : null,
    p.vote ? h("p", { class: "vote tally" }, h("strong", {}, "Vote open: keep this text? "), voteTally(v, p)) : null,
    p.vote ? voteRule(v, "bracket", p.instrument) : null,
    resolved ? h("p", { class: "resolution" }, resolved) : null,
    h(
      "div",
      { class: "row" },
      ...(Object.entries(p.stances) as [string, Stance][]).map(([d, s]) => stanceChip(delegationOf(v, d), s)),
    ),
  );
}

/** What a provision's item shows: it is rebuilt only when this changes. */
function provisionData(v: SessionView, p: Provision): unknown {
  return [
    p.title,
    p.status,
    p.versions.length,
    currentText(p),
    isBracketed(p),
    p.stances,
    p.vote,
    newsFor(v, p),
    resolutionWords(v, p),
    v.amendments.filter((a) => a.provision === p.id && a.status === "pending"),
    v.decisionRule,
  ];
}

/** Who has signed a frozen text and who has not yet, delegation by delegation. */
function signatureBlock(v: SessionView, inst: SessionView["instruments"][number]): HTMLElement {
  const frozen = inst.frozen!;
  const parties = v.scenario.delegations.filter((d) => inst.parties === null || inst.parties.includes(d.id));
  const sigs = v.signatures.filter((s) => s.instrument === inst.id && s.version === frozen.version);
  const declined = (v.declines ?? []).filter((d) => d.instrument === inst.id && d.version === frozen.version);
  return h(
    "div",
    { class: "sigs" },
    h("p", { class: "sigs-title" }, sigs.length ? `Signed by ${sigs.length} of ${parties.length}` : "Not signed yet"),
    h(
      "ul",
      { class: "sig-list" },
      ...parties.map((d) => {
        const sig = sigs.find((s) => s.delegation === d.id);
        const no = sig ? undefined : declined.find((x) => x.delegation === d.id);
        return h(
          "li",
          { class: sig ? "sig signed" : no ? "sig declined" : "sig waiting" },
          delegationChip(d),
          sig ? ` ✍ signed by ${sig.name}` : no ? " ✗ declined to sign, for now" : " not yet",
        );
      }),
    ),
  );
}

interface InstrumentParts {
  sigs: Spot;
  list: HTMLElement;
}
const parts = new WeakMap<Element, InstrumentParts>();

/**
 * The draft in `section`, kept and changed in place. Returns what the room should look at: a provision
 * with an open vote, in signing who has signed, else a provision just tabled (null when none of these).
 */
export function showDraft(section: HTMLElement, v: SessionView): Element | null {
  const items = () => [...section.querySelectorAll<HTMLElement>(".instrument > ol > li")];
  const before = new Set(items().map((li) => li.dataset.provision));
  keyedList(
    section,
    v.instruments,
    (inst) => inst.id,
    (inst) => [inst.title, inst.frozen?.version ?? null],
    (inst) => {
      const sigs = new Spot();
      const list = h("ol", {});
      const el = h(
        "div",
        { class: "instrument" },
        h("h2", {}, inst.title, inst.frozen ? " — final text" : ""),
        // Signatures first: in the signing phase they are what the room is watching.
        sigs.el,
        list,
      );
      parts.set(el, { sigs, list });
      return el;
    },
  );
  for (const [i, inst] of v.instruments.entries()) {
    const p = parts.get(section.children[i]!);
    if (!p) continue;
    const sigs = inst.frozen
      ? v.signatures.filter((s) => s.instrument === inst.id && s.version === inst.frozen!.version)
      : [];
    const showSigs = !!inst.frozen && (sigs.length > 0 || v.phase === "signing");
    const declined = (v.declines ?? []).filter((d) => d.instrument === inst.id);
    p.sigs.show(showSigs ? [sigs, declined, v.scenario.delegations.length] : null, () =>
      showSigs ? signatureBlock(v, inst) : null,
    );
    const shown = provisionsOf(v, inst.id).filter((x) => x.status !== "withdrawn");
    keyedList(
      p.list,
      shown,
      (x) => x.id,
      (x) => provisionData(v, x),
      (x) => provisionItem(v, x),
    );
    // Numbered by hand: a list split over pages would count again from 1 on each.
    [...p.list.children].forEach((li, n) => {
      if ((li as HTMLLIElement).value !== n + 1) (li as HTMLLIElement).value = n + 1;
    });
  }
  const voting = section.querySelector(".instrument > ol > li:has(.tally)");
  // A provision just tabled; not every stance or news flag, or a busy room would flip the pages every second.
  const changed = before.size
    ? items()
        .filter((li) => !before.has(li.dataset.provision))
        .at(-1)
    : undefined;
  // In signing, who has signed is what the room watches.
  const signing = v.phase === "signing" ? section.querySelector(".instrument > .sigs") : null;
  return voting ?? signing ?? changed ?? null;
}

/** The blocks the pages are made of: headings, the signature block, each provision. */
export function draftBlocks(section: HTMLElement): HTMLElement[] {
  return [...section.querySelectorAll<HTMLElement>(".instrument > h2, .instrument > .sigs, .instrument > ol > li")];
}
