// The projector: large type, public facts only (it joins as an observer, so
// the server never sends it a secret). The code and QR while the class joins;
// the draft with stances and brackets while it negotiates; news as flashes.
import { SessionLink } from "../net/connection.ts";
import { h, fill, byId } from "../ui/dom.ts";
import { keyedList, setText, Spot, whenChanged } from "../ui/keyed.ts";
import { connectionBadge, toastArea } from "../ui/status-bits.ts";
import { tickTimer } from "../ui/timer.ts";
import { stanceChip } from "../ui/chips.ts";
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
import { amendmentRule, voteRule, votesWithCasters } from "../ui/meaning.ts";
import { bulletins } from "../ui/bulletins.ts";
import { roster } from "../game/panels/roster.ts";
import { debriefBody } from "../game/panels/debrief.ts";
import { diffLine } from "../game/panels/provision-card.ts";
import { applyEdit } from "../../shared/rules/words.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import type { SessionView } from "../../shared/view.ts";
import type { Stance } from "../../shared/protocol.ts";
import type { Provision } from "../../shared/state.ts";

const root = byId("screen-root");
const code = /^\/screen\/([A-Za-z0-9]{6})/.exec(location.pathname)?.[1]?.toUpperCase() ?? "";

function joinBlock(): HTMLElement {
  const url = `${location.origin}/j/${code}`;
  return h(
    "section",
    { class: "join-block" },
    h(
      "div",
      {},
      h("p", { class: "label" }, "Join at"),
      h("p", { class: "url" }, url.replace(/^https?:\/\//, "")),
      h("p", { class: "label" }, "Code"),
      h("p", { class: "huge-code", id: "screen-code" }, code),
    ),
    h("img", { class: "qr", src: `/api/sessions/${code}/qr.svg`, alt: `QR code for ${url}` }),
  );
}

/** One provision as the room reads it: title and status, text, amendments, news, vote, stances. */
function provisionItem(v: SessionView, p: Provision): HTMLElement {
  const status = provisionStatus(p);
  const news = newsFor(v, p);
  const resolved = resolutionWords(v, p);
  const text = currentText(p);
  const pending = v.amendments.filter((a) => a.provision === p.id && a.status === "pending");
  return h(
    "li",
    { class: `status-${status}` },
    h("h3", {}, p.title, " ", h("span", { class: `badge status-${status}` }, STATUS_WORDS[status])),
    h("p", { class: "text" }, isBracketed(p) ? `[${text}]` : text),
    ...pending.map((a) =>
      h(
        "div",
        { class: "amendment" },
        h("p", { class: "label" }, `Amendment proposed by ${delegationOf(v, a.by)?.name ?? a.by}:`),
        diffLine(text, applyEdit(text, a.edit) ?? text),
        h("p", { class: "tally" }, votesWithCasters(v, a) || "No votes yet"),
        amendmentRule(v, a),
      ),
    ),
    news.length ? h("p", { class: "in-news" }, `In the news: ${news.join(" · ")}`) : null,
    p.vote ? h("p", { class: "vote" }, h("strong", {}, "Vote open: "), `keep this text? ${voteTally(v, p)}`) : null,
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
  ];
}

interface InstrumentParts {
  sigs: Spot;
  list: HTMLElement;
}
const parts = new WeakMap<Element, InstrumentParts>();

/** The draft on the big screen, kept: a stance or a new line changes one provision's item, nothing else. */
function showDraft(section: HTMLElement, v: SessionView): void {
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
    const declined = inst.frozen
      ? (v.declines ?? []).filter((d) => d.instrument === inst.id && d.version === inst.frozen!.version)
      : [];
    const showSigs = !!inst.frozen && (sigs.length > 0 || v.phase === "signing");
    const shown = showSigs ? [sigs.map((s) => s.delegation), declined.map((d) => d.delegation)] : null;
    p.sigs.show(shown, () =>
      showSigs
        ? h(
            "p",
            { class: "sigs" },
            sigs.length ? "Signed by: " : "Not signed yet",
            ...sigs.map((s) =>
              h("span", { class: "sig" }, `✍ ${delegationOf(v, s.delegation)?.name ?? s.delegation}`),
            ),
            declined.length ? " · Declined to sign, for now: " : "",
            ...declined.map((d) =>
              h("span", { class: "sig declined" }, `✗ ${delegationOf(v, d.delegation)?.name ?? d.delegation}`),
            ),
          )
        : null,
    );
    keyedList(
      p.list,
      provisionsOf(v, inst.id).filter((x) => x.status !== "withdrawn"),
      (x) => x.id,
      (x) => provisionData(v, x),
      (x) => provisionItem(v, x),
    );
  }
}

async function start(): Promise<void> {
  let link: SessionLink;
  try {
    link = await SessionLink.open(code, { observer: true });
  } catch (err) {
    return fill(
      root,
      h(
        "p",
        { class: "field-error", role: "alert" },
        (err as { refusal?: { words: string } }).refusal?.words ?? "Could not connect.",
      ),
    );
  }
  const timer = h("span", { class: "timer" });
  tickTimer(
    timer,
    () => link.view?.timer,
    () => link.clock.now(),
  );
  const title = h("h1", {});
  const phase = h("span", { class: "phase" });
  const board = bulletins(link, { dismissable: false });
  const main = h("main", {});
  const toasts = toastArea();
  // Late arrivals can still find the session from the header in every phase.
  const joinHint = h("span", { class: "join-hint" }, `Join: ${location.host}/j/${code}`);
  fill(root, h("header", {}, title, phase, joinHint, timer, connectionBadge(link)), board, main, toasts.el);
  // What the screen shows is kept and changed in place: a projector runs for the whole lesson.
  let shown = "";
  const draftSection = h("section", { class: "draft" });
  const seatsChanged = whenChanged();
  const draw = (v: SessionView) => {
    setText(title, v.scenario.title);
    setText(phase, PHASE_TITLES[v.phase]);
    const mode = ["briefing", "opening"].includes(v.phase) ? "join" : v.phase === "debrief" ? "debrief" : "draft";
    if (mode === "join")
      seatsChanged([v.phase, v.seats, v.scenario.delegations], () =>
        fill(main, joinBlock(), h("h2", {}, "Who sits where"), roster(v)),
      );
    else if (mode === "debrief") {
      if (shown !== mode) fill(main, ...debriefBody(v));
    } else {
      if (shown !== mode) fill(main, draftSection);
      showDraft(draftSection, v);
    }
    if (mode !== "join") seatsChanged([], () => undefined);
    shown = mode;
  };
  link.on("view", draw);
  draw(link.view!);
  link.on("event", (e) => {
    if (String(e.type).startsWith("inject")) toasts.show(`NEWS: ${String(e.headline ?? e.text ?? "")}`, "news", 10000);
  });
  if (__TEST_HOOKS__)
    void import("../test-hook.ts").then(({ exposeForTests }) =>
      exposeForTests({
        get page() {
          return "screen";
        },
        get view() {
          return link.view;
        },
        get phase() {
          return link.view?.phase;
        },
        get connection() {
          return link.state;
        },
      }),
    );
}

void start();
