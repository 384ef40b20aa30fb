// One provision, opened: its whole text (bracketed when someone objects), each
// delegation's stance, pending amendments as word diffs with votes, the
// amendment editor, and the history of versions.
import type { SessionLink } from "../../net/connection.ts";
import type { SessionView } from "../../../shared/view.ts";
import type { Provision } from "../../../shared/state.ts";
import type { Stance } from "../../../shared/protocol.ts";
import { applyEdit, editFromTexts, wordDiff } from "../../../shared/rules/words.ts";
import { h, fill, setHidden } from "../../ui/dom.ts";
import { Spot } from "../../ui/keyed.ts";
import { steadyTap } from "../../ui/steady-tap.ts";
import { actionButton, actNear, may } from "../../ui/act.ts";
import { stanceChip, delegationChip } from "../../ui/chips.ts";
import { tagPicker } from "../../ui/tag-picker.ts";
import { amendmentRule, meaningBlock, tagChips, votesWithCasters } from "../../ui/meaning.ts";
import {
  currentText,
  currentVersion,
  delegationOf,
  isBracketed,
  isParty,
  newsFor,
  provisionStatus,
  STANCE_MARKS,
  STANCE_WORDS,
  STATUS_WORDS,
} from "../../ui/words.ts";

export function diffLine(oldText: string, newText: string): HTMLElement {
  return h(
    "p",
    { class: "diff-text" },
    ...wordDiff(oldText, newText).flatMap((part) => [
      part.op === "same" ? part.text : h(part.op === "add" ? "ins" : "del", { class: "diff" }, part.text),
      " ",
    ]),
  );
}

export interface ProvisionCardView {
  el: HTMLElement;
  update(view: SessionView, p: Provision): void;
}

export function provisionCard(link: SessionLink, mine: () => string | null, close: () => void): ProvisionCardView {
  const head = new Spot();
  // The card's parts, each rebuilt only when what it shows changed: a stance
  // set elsewhere in the class does not replace the stance buttons under a finger.
  const parts = {
    meaning: new Spot(),
    text: new Spot(),
    flags: new Spot(),
    amendments: new Spot(),
    stances: new Spot(),
    buttons: new Spot(),
    withdraw: new Spot(),
    history: new Spot(),
  };
  const body = h(
    "div",
    {},
    // Your own stance buttons first, under the title: what follows (the text gaining
    // brackets, chips coming and going as the class changes its mind) grows and
    // shrinks, and the buttons must not move under a finger when it does.
    parts.buttons.el,
    parts.meaning.el,
    parts.text.el,
    parts.flags.el,
    parts.amendments.el,
    h("h4", {}, "Stances"),
    parts.stances.el,
    parts.withdraw.el,
    parts.history.el,
  );
  const editorText = h("textarea", { id: "amend-text", "aria-label": "Amended text", maxlength: 2000 });
  const note = h("input", {
    id: "amend-note",
    placeholder: "Why? (optional)",
    maxlength: 300,
    "aria-label": "Reason for the amendment",
  });
  const editorSlot = h("p", { class: "action-error", role: "alert" });
  const amendTags = tagPicker("amend-tags", "What will the new text count for? Its tags, decided with it");
  const proposeButton = h("button", { type: "button", class: "primary", id: "propose-amendment" }, "Propose amendment");
  const preview = h("div", { class: "preview", "aria-live": "polite" });
  const editor = h(
    "details",
    { class: "amend" },
    h("summary", {}, "✎ Propose an amendment"),
    h("p", { class: "hint" }, "Edit the text below; your change is shown as a word diff before you send it."),
    editorText,
    preview,
    amendTags.el,
    note,
    proposeButton,
    editorSlot,
  );
  const el = h(
    "article",
    { class: "provision-card", id: "provision-card", "aria-label": "Opened provision" },
    head.el,
    body,
    editor,
  );
  let editing = "";
  let base = "";
  let current: Provision | null = null;

  editorText.addEventListener("input", () => fill(preview, diffLine(base, editorText.value)));
  proposeButton.addEventListener("click", () => {
    if (!current) return;
    const edit = editFromTexts(base, editorText.value);
    const tags = amendTags.selected();
    const same = tags.length === current.tags.length && tags.every((t) => current!.tags.includes(t));
    if (!edit) {
      editorSlot.textContent = "Change some words of the text first.";
      return;
    }
    actNear(
      link,
      {
        type: "amendment.propose",
        provision: current.id,
        baseVersion: currentVersion(current),
        edit,
        note: note.value.trim() || undefined,
        ...(same ? {} : { tags }),
      },
      editorSlot,
      () => {
        editor.open = false;
        note.value = "";
      },
    );
  });

  return {
    el,
    update(view, p) {
      current = p;
      const d = mine();
      const status = provisionStatus(p);
      const text = currentText(p);
      const bracketed = isBracketed(p);
      const party = isParty(view, p.instrument, d);
      const open = p.status === "tabled" && may(link, view, "stance.set") && party;
      // Keep what the student is typing unless the text under it changed.
      const key = `${p.id}:${currentVersion(p)}`;
      amendTags.update(view);
      if (key !== editing) {
        editing = key;
        base = text;
        editorText.value = text;
        amendTags.set(p.tags);
        fill(preview);
      }
      setHidden(editor, !open);
      head.show([p.id, p.title, status, currentVersion(p), delegationOf(view, p.tabledBy)], () => {
        const closeButton = h(
          "button",
          { type: "button", class: "link", "aria-label": "Close the provision" },
          "✕ Close",
        );
        closeButton.addEventListener("click", close);
        return h(
          "div",
          { class: "card-head" },
          h("h3", {}, p.title),
          h("span", { class: `badge status-${status}` }, STATUS_WORDS[status]),
          " ",
          h("span", { class: "muted" }, `version ${currentVersion(p)} · tabled by `),
          delegationChip(delegationOf(view, p.tabledBy)),
          " ",
          closeButton,
        );
      });
      const stances = Object.entries(p.stances) as [string, Stance][];
      parts.meaning.show([p.id, p.card, p.tags], () => meaningBlock(view, p));
      parts.text.show([text, bracketed], () =>
        h("blockquote", { class: `provision-text ${bracketed ? "bracketed" : ""}` }, bracketed ? `[${text}]` : text),
      );
      const news = newsFor(view, p);
      parts.flags.show(p.flags.length ? news : null, () =>
        p.flags.length
          ? h("p", { class: "flags" }, h("span", { class: "badge news-badge" }, "In the news"), " ", news.join(" · "))
          : null,
      );
      // Pending amendments first: they are what the delegation has to decide on now.
      const pending = view.amendments.filter((a) => a.provision === p.id && a.status === "pending");
      parts.amendments.show([p.id, text, pending, d, party, view.phase, view.standing?.instruments], () =>
        amendmentsBlock(link, view, p, d, party),
      );
      parts.stances.show(
        stances.map(([del, st]) => [delegationOf(view, del), st]),
        () =>
          stances.length
            ? h("div", { class: "row" }, ...stances.map(([del, st]) => stanceChip(delegationOf(view, del), st)))
            : h("p", { class: "muted" }, "No stance yet."),
      );
      parts.buttons.show([p.id, open, d ? (p.stances[d] ?? null) : null], () =>
        open ? stanceButtons(link, view, p, d) : null,
      );
      const withdrawable = p.status === "tabled" && p.tabledBy === d && may(link, view, "provision.withdraw");
      parts.withdraw.show([p.id, withdrawable], () =>
        withdrawable
          ? actionButton(link, "Withdraw this provision", () => ({ type: "provision.withdraw", provision: p.id }), {
              cls: "danger",
            })
          : null,
      );
      parts.history.show([p.id, p.versions.length], () => historyBlock(p));
    },
  };
}

function stanceButtons(link: SessionLink, view: SessionView, p: Provision, d: string | null): HTMLElement {
  const slot = h("p", { class: "action-error", role: "alert" });
  const ours = d ? p.stances[d] : undefined;
  const buttons = (["sponsor", "support", "reservation", "objection"] as const).map((s) => {
    const b = h(
      "button",
      { type: "button", "aria-pressed": String(ours === s), class: `stance-button stance-${s}` },
      `${STANCE_MARKS[s]} ${STANCE_WORDS[s]}`,
    );
    b.addEventListener("click", () =>
      actNear(link, { type: "stance.set", provision: p.id, stance: ours === s ? null : s }, slot),
    );
    return steadyTap(b);
  });
  return h(
    "div",
    { class: "stances", role: "group", "aria-label": "Your delegation's stance" },
    h("div", { class: "row" }, ...buttons),
    slot,
  );
}

function amendmentsBlock(
  link: SessionLink,
  view: SessionView,
  p: Provision,
  d: string | null,
  party: boolean,
): HTMLElement | null {
  const pending = view.amendments.filter((a) => a.provision === p.id && a.status === "pending");
  if (pending.length === 0) return null;
  const text = currentText(p);
  return h(
    "section",
    { class: "amendments" },
    h("h4", {}, `Amendments waiting for a vote (${pending.length})`),
    ...pending.map((a) => {
      const after = applyEdit(text, a.edit) ?? text;
      const ourVote = d ? a.votes[d] : undefined;
      const votes = votesWithCasters(view, a);
      const retagged = a.tags !== null && (a.tags.length !== p.tags.length || a.tags.some((t) => !p.tags.includes(t)));
      const effect = view.standing?.instruments
        .find((i) => i.instrument === p.instrument)
        ?.amendments.find((x) => x.amendment === a.id);
      return h(
        "div",
        { class: "amendment" },
        h(
          "p",
          { class: "muted" },
          "Proposed by ",
          delegationChip(delegationOf(view, a.by)),
          a.note ? ` — “${a.note}”` : "",
        ),
        diffLine(text, after),
        retagged ? h("p", { class: "retag" }, "New tags: ", tagChips(a.tags!), " (were ", tagChips(p.tags), ")") : null,
        effect && (effect.change !== 0 || effect.crossesRedLine)
          ? h(
              "p",
              { class: effect.crossesRedLine ? "warn" : "muted" },
              `For your delegation: ${effect.change > 0 ? "+" : ""}${effect.change}${effect.crossesRedLine ? ", and it would cross one of your red lines" : ""}.`,
            )
          : null,
        amendmentRule(view, a),
        h("p", { class: "votes" }, "Votes: ", votes || "none yet"),
        party && may(link, view, "amendment.vote")
          ? h(
              "div",
              { class: "row" },
              ...(["yes", "no", "abstain"] as const).map((v) =>
                actionButton(
                  link,
                  `${v === "yes" ? "✓ Yes, change it" : v === "no" ? "✗ No, keep it" : "Abstain"}${ourVote === v ? " (your vote)" : ""}`,
                  () => ({ type: "amendment.vote", amendment: a.id, vote: v }),
                  { cls: `vote-${v}`, fk: `amendment:${a.id}:${v}`, pressed: ourVote === v },
                ),
              ),
              a.by === d
                ? actionButton(link, "Withdraw", () => ({ type: "amendment.withdraw", amendment: a.id }), {
                    cls: "danger",
                  })
                : null,
            )
          : null,
      );
    }),
  );
}

function historyBlock(p: Provision): HTMLElement | null {
  if (p.versions.length < 2) return null;
  return h(
    "details",
    { class: "history" },
    h("summary", {}, `History: ${p.versions.length} versions`),
    h(
      "ol",
      {},
      ...p.versions.map((v, i) =>
        h(
          "li",
          {},
          h("strong", {}, `v${v.version} (${v.cause}): `),
          i === 0 ? v.text : diffLine(p.versions[i - 1]!.text, v.text),
        ),
      ),
    ),
  );
}
