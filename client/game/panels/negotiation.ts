// Negotiation: instruments as tabs, the provision cards of the one shown,
// tabling (from a scenario card or free text), opening an agreement, and the
// opened card.
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import type { Panel } from "../scenes/phase-scene.ts";
import type { SessionView } from "../../../shared/view.ts";
import { h, fill, setAttr, setHidden } from "../../ui/dom.ts";
import { keyedList, setText, Spot } from "../../ui/keyed.ts";
import { actNear, may } from "../../ui/act.ts";
import { stanceChip } from "../../ui/chips.ts";
import { delegationOf, isParty, newsFor, provisionStatus, provisionsOf, STATUS_WORDS } from "../../ui/words.ts";
import { provisionCard } from "./provision-card.ts";
import { cardGallery } from "./card-gallery.ts";
import { standingBlock } from "./standing.ts";
import { tagPicker } from "../../ui/tag-picker.ts";
import { LIMITS } from "../../../shared/limits.ts";
import type { Stance } from "../../../shared/protocol.ts";

export function instrumentTabs(ctx: GameContext, view: SessionView): HTMLElement {
  const bar = h("div", { class: "tabs", role: "tablist", "aria-label": "Instruments" });
  showInstrumentTabs(bar, ctx, view);
  return bar;
}

/** The instrument tabs in `bar`, kept: a tab is rebuilt only when its title or selection changed. */
export function showInstrumentTabs(bar: HTMLElement, ctx: GameContext, view: SessionView): void {
  if (!view.instruments.some((i) => i.id === ctx.instrument)) ctx.instrument = "code";
  keyedList(
    bar,
    view.instruments,
    (i) => i.id,
    (i) => [i.kind, i.title, i.id === ctx.instrument],
    (i) => {
      const b = h(
        "button",
        {
          type: "button",
          role: "tab",
          "aria-selected": String(i.id === ctx.instrument),
          "data-fk": `instrument:${i.id}`,
        },
        i.kind === "code" ? i.title : `Agreement: ${i.title}`,
      );
      b.addEventListener("click", () => {
        ctx.instrument = i.id;
        ctx.openedProvision = null;
        ctx.redraw();
      });
      return b;
    },
  );
}

/** A provision's row: made once, then changed in place (a stance often changes a status). */
interface Row {
  title: HTMLElement;
  news: HTMLElement;
  status: HTMLElement;
  button: HTMLElement;
  chips: HTMLElement;
}
const rows = new WeakMap<Element, Row>();

function provisionRow(ctx: GameContext, id: string): HTMLElement {
  const title = h("span", { class: "title" });
  const news = h("span", { class: "badge news-badge" }, "In the news");
  const status = h("span", { class: "badge" });
  const button = h(
    "button",
    { type: "button", class: "provision-row" },
    title,
    " ",
    h("span", { class: "badges" }, news, status),
  );
  button.dataset.fk = `provision:${id}`;
  button.addEventListener("click", () => ctx.openProvision(ctx.openedProvision === id ? null : id));
  const chips = h("div", { class: "row small stance-chips" });
  const li = h("li", { "data-provision": id }, button, chips);
  rows.set(li, { title, news, status, button, chips });
  return li;
}

/**
 * The instrument's provisions in `list`. Each row is kept and only its changed parts are written:
 * stances change most often of all, and a stance often changes a status, a title's brackets with
 * it. Rebuilding the row for that cost a student's phone a frame's worth of work (BENCHMARKS.md).
 */
export function showProvisionList(list: HTMLElement, ctx: GameContext, view: SessionView): void {
  const provisions = provisionsOf(view, ctx.instrument);
  keyedList(
    list,
    provisions.length ? provisions : [null],
    (p) => p?.id ?? "none",
    () => null,
    (p) =>
      p
        ? provisionRow(ctx, p.id)
        : h("li", { class: "muted" }, "No provision on this instrument yet. Table one below."),
  );
  // keyedList put the rows in the provisions' order: the i-th child is the i-th provision's row.
  for (const [i, p] of provisions.entries()) {
    const row = rows.get(list.children[i]!);
    if (!row) continue;
    const status = provisionStatus(p);
    setText(row.title, status === "bracketed" ? `[${p.title}]` : p.title);
    setAttr(row.status, "class", `badge status-${status}`);
    setText(row.status, STATUS_WORDS[status]);
    // In the row only while in the news (not merely hidden: the row's words are what it says).
    if (p.flags.length === 0) row.news.remove();
    else {
      if (!row.news.parentNode) row.status.before(row.news);
      setAttr(row.news, "title", newsFor(view, p).join(" · "));
    }
    setAttr(row.button, "aria-expanded", String(ctx.openedProvision === p.id));
    keyedList(
      row.chips,
      Object.entries(p.stances) as [string, Stance][],
      ([d]) => d,
      ([d, s]) => [s, delegationOf(view, d)],
      ([d, s]) => stanceChip(delegationOf(view, d), s),
    );
  }
}

export function negotiationPanel(ctx: GameContext): Panel {
  const tabs = h("div", { class: "tabs", role: "tablist", "aria-label": "Instruments" });
  const list = h("ul", { class: "provisions", id: "provision-list" });
  const cardSlot = new Spot();
  const card = provisionCard(
    ctx.link,
    () => me(ctx).delegation,
    () => ctx.openProvision(null),
  );
  const tableSlot = h("p", { class: "action-error", role: "alert" });
  const gallery = cardGallery((card, slot) =>
    actNear(ctx.link, { type: "provision.table", instrument: ctx.instrument, card }, slot, () => {
      tabler.open = false;
    }),
  );
  const draftTitle = h("input", {
    id: "draft-title",
    maxlength: LIMITS.title,
    placeholder: "Title",
    "aria-label": "Title of your provision",
  });
  const draftText = h("textarea", {
    id: "draft-text",
    maxlength: LIMITS.provisionText,
    placeholder: "The text you propose",
    "aria-label": "Text of your provision",
  });
  const draftTags = tagPicker("draft-tags");
  const draftButton = h("button", { type: "button", id: "table-draft" }, "Table free text");
  const tabler = h(
    "details",
    { class: "table-form", id: "table-form" },
    h("summary", {}, "+ Table a provision"),
    h("h4", {}, "From a card: read it, then table it"),
    gallery.el,
    h("p", { class: "muted" }, "…or in your own words:"),
    draftTitle,
    draftText,
    draftTags.el,
    draftButton,
    tableSlot,
  );
  const agreementSlot = h("p", { class: "action-error", role: "alert" });
  const agreementTitle = h("input", {
    id: "agreement-title",
    maxlength: LIMITS.title,
    placeholder: "e.g. Bilateral agreement on cybersecurity",
    "aria-label": "Title of the agreement",
  });
  const parties = h("div", { class: "checks" });
  const agreementButton = h("button", { type: "button" }, "Open agreement");
  const agreement = h(
    "details",
    { class: "agreement-form" },
    h("summary", {}, "Open an agreement with other delegations"),
    agreementTitle,
    parties,
    agreementButton,
    agreementSlot,
  );
  const standing = new Spot();
  const root = h("div", { class: "negotiation" }, tabs, standing.el, list, cardSlot.el, tabler, agreement);
  let partiesFor = "";

  draftButton.addEventListener("click", () => {
    if (!draftTitle.value.trim() || !draftText.value.trim()) {
      tableSlot.textContent = "Give your provision a title and a text.";
      return;
    }
    actNear(
      ctx.link,
      {
        type: "provision.draft",
        instrument: ctx.instrument,
        title: draftTitle.value.trim(),
        text: draftText.value.trim(),
        tags: draftTags.selected(),
      },
      tableSlot,
      () => {
        draftTitle.value = "";
        draftText.value = "";
        draftTags.clear();
        tabler.open = false;
      },
    );
  });
  agreementButton.addEventListener("click", () => {
    const ids = [...parties.querySelectorAll("input:checked")].map((i) => (i as HTMLInputElement).value);
    if (!agreementTitle.value.trim() || ids.length === 0) {
      agreementSlot.textContent = "Give the agreement a title and tick at least one other delegation.";
      return;
    }
    actNear(
      ctx.link,
      { type: "instrument.open", title: agreementTitle.value.trim(), parties: ids },
      agreementSlot,
      () => {
        agreement.open = false;
        agreementTitle.value = "";
      },
    );
  });

  return {
    update(view) {
      if (!ctx.panel.contains(root)) fill(ctx.panel, root);
      const mine = me(ctx).delegation;
      showInstrumentTabs(tabs, ctx, view);
      showProvisionList(list, ctx, view);
      const ownStanding = view.standing?.instruments.find((i) => i.instrument === ctx.instrument);
      standing.show([ctx.instrument, ownStanding, view.standing?.walkAway], () => standingBlock(view, ctx.instrument));
      draftTags.update(view);
      const opened = view.provisions.find((p) => p.id === ctx.openedProvision);
      if (opened) card.update(view, opened);
      cardSlot.show(!!opened, () => (opened ? card.el : null));
      setHidden(tabler, !may(ctx.link, view, "provision.table") || !isParty(view, ctx.instrument, mine));
      setHidden(agreement, !may(ctx.link, view, "instrument.open"));
      const onTable = new Set(
        provisionsOf(view, ctx.instrument)
          .filter((p) => p.status !== "withdrawn" && p.status !== "dropped")
          .map((p) => p.card),
      );
      gallery.update(view, onTable, mine);
      const key = view.scenario.delegations.map((d) => d.id).join() + mine;
      if (key !== partiesFor) {
        partiesFor = key;
        fill(
          parties,
          ...view.scenario.delegations
            .filter((d) => d.id !== mine)
            .map((d) =>
              h("label", { class: "check" }, h("input", { type: "checkbox", value: d.id }), ` ${d.emblem} ${d.name}`),
            ),
        );
      }
    },
  };
}
