// The projector: large type, public facts only (it joins as an observer, so
// the server never sends it a secret). The code and QR while the class joins;
// the draft with stances and brackets while it negotiates; news as flashes.
import { SessionLink } from "../net/connection.ts";
import { h, fill, byId } from "../ui/dom.ts";
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
  shortHash,
  STATUS_WORDS,
  voteTally,
} from "../ui/words.ts";
import { bulletins } from "../ui/bulletins.ts";
import { roster } from "../game/panels/roster.ts";
import { debriefBody } from "../game/panels/debrief.ts";
import { diffLine } from "../game/panels/provision-card.ts";
import { applyEdit } from "../../shared/rules/words.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import type { SessionView } from "../../shared/view.ts";
import type { Stance } from "../../shared/protocol.ts";

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

function draft(v: SessionView): HTMLElement {
  return h(
    "section",
    { class: "draft" },
    ...v.instruments.map((inst) => {
      const sigs = inst.frozen
        ? v.signatures.filter((s) => s.instrument === inst.id && s.version === inst.frozen!.version)
        : [];
      return h(
        "div",
        { class: "instrument" },
        h("h2", {}, inst.title, inst.frozen ? ` — final text, version ${shortHash(inst.frozen.version)}` : ""),
        // Signatures first: in the signing phase they are what the room is watching.
        inst.frozen && (sigs.length || v.phase === "signing")
          ? h(
              "p",
              { class: "sigs" },
              sigs.length ? "Signed by: " : "Not signed yet",
              ...sigs.map((s) =>
                h("span", { class: "sig" }, `✍ ${delegationOf(v, s.delegation)?.name ?? s.delegation}`),
              ),
            )
          : null,
        h(
          "ol",
          {},
          ...provisionsOf(v, inst.id)
            .filter((p) => p.status !== "withdrawn")
            .map((p) => {
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
                  ),
                ),
                news.length ? h("p", { class: "in-news" }, `In the news: ${news.join(" · ")}`) : null,
                p.vote
                  ? h("p", { class: "vote" }, h("strong", {}, "Vote open: "), `keep this text? ${voteTally(v, p)}`)
                  : null,
                resolved ? h("p", { class: "resolution" }, resolved) : null,
                h(
                  "div",
                  { class: "row" },
                  ...(Object.entries(p.stances) as [string, Stance][]).map(([d, s]) =>
                    stanceChip(delegationOf(v, d), s),
                  ),
                ),
              );
            }),
        ),
      );
    }),
  );
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
  const board = bulletins(link, { dismissable: false, withBody: true });
  const main = h("main", {});
  const toasts = toastArea();
  // Late arrivals can still find the session from the header in every phase.
  const joinHint = h("span", { class: "join-hint" }, `Join: ${location.host}/j/${code}`);
  fill(root, h("header", {}, title, phase, joinHint, timer, connectionBadge(link)), board, main, toasts.el);
  let shown = "";
  const draw = (v: SessionView) => {
    fill(title, v.scenario.title);
    fill(phase, PHASE_TITLES[v.phase]);
    const key = `${v.phase}`;
    if (["briefing", "opening"].includes(v.phase)) fill(main, joinBlock(), h("h2", {}, "Who sits where"), roster(v));
    else if (v.phase === "debrief") {
      if (shown !== key) fill(main, ...debriefBody(v));
    } else fill(main, draft(v));
    shown = key;
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
