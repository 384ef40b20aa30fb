// The projector: large type, public facts only (it joins as an observer, so
// the server never sends it a secret). It leads the room: in every phase it
// shows what is happening now, on one screen, never cut off (screen/pager.ts):
// the code and the QR while the class joins, the floor's lines in opening
// statements, the draft with stances, brackets and live tallies while it
// negotiates, who has signed, and the results. The table (Phaser) runs along
// the top with who is here.
import { SessionLink } from "../net/connection.ts";
import { h, fill, byId, setHidden } from "../ui/dom.ts";
import { setText, whenChanged } from "../ui/keyed.ts";
import { connectionBadge, toastArea } from "../ui/status-bits.ts";
import { tickTimer } from "../ui/timer.ts";
import { bulletins } from "../ui/bulletins.ts";
import { roster } from "../game/panels/roster.ts";
import { answerBlocks } from "./answers.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import type { SessionView } from "../../shared/view.ts";
import { tableBand, type Band } from "./band.ts";
import { draftBlocks, showDraft } from "./draft.ts";
import { floorSection } from "./floor.ts";
import { pager } from "./pager.ts";
import { resultBlocks } from "./results.ts";
import { tableWords } from "../ui/table-words.ts";

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

/** What the screen shows in each phase. */
type Mode = "join" | "floor" | "draft" | "results";
const modeOf = (v: SessionView): Mode =>
  v.phase === "briefing" ? "join" : v.phase === "opening" ? "floor" : v.phase === "debrief" ? "results" : "draft";

/** A line under the phase saying what the room is doing now. */
const doingWords = (v: SessionView): string =>
  // Before the teacher starts the clock, the class is still finding its seats.
  v.timer.state === "off"
    ? "Join now: the table fills up as you arrive."
    : "Briefing: each delegation reads its position and its secret brief.";

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
  const stage = h("div", { class: "band", id: "stage", "aria-hidden": "true" });
  // Everything the table shows, in words, for a screen reader (the canvas itself says nothing).
  const seatsText = h("p", { class: "sr-only", id: "table-words", "aria-live": "polite" });
  const main = h("main", { class: "screen-main" });
  const footer = h("footer", { class: "screen-footer" });
  const toasts = toastArea();
  // Late arrivals can still find the session from the header in every phase.
  const joinHint = h("span", { class: "join-hint" }, `Join: ${location.host}/j/${code}`);
  fill(
    root,
    h("header", {}, title, phase, joinHint, timer, connectionBadge(link)),
    board,
    h("div", { class: "screen-body" }, stage, main, footer),
    seatsText,
    toasts.el,
  );
  // Made at the first draw, once the header and the news have taken their room: Phaser sizes the canvas from the band.
  let band: Band | null = null;

  // Each mode's content, made once and kept: a projector runs for the whole lesson.
  const joinSection = h("section", { class: "join-mode" });
  const doing = h("h2", { class: "doing" });
  const rosterSlot = h("div", { class: "roster-slot" });
  joinSection.append(joinBlock(), h("div", { class: "seated" }, doing, rosterSlot));
  const floor = floorSection();
  const draftSection = h("section", { class: "draft" });
  const resultsSection = h("section", { class: "results" });
  const draftPages = pager(draftSection, () => draftBlocks(draftSection));
  const resultPages = pager(resultsSection, () => [...resultsSection.children] as HTMLElement[]);
  const rosterPages = pager(rosterSlot, () => [...rosterSlot.querySelectorAll<HTMLElement>(".roster > li")], 1);

  let shown: Mode | null = null;
  const seatsChanged = whenChanged();
  const resultsChanged = whenChanged();
  const draw = (v: SessionView) => {
    setText(title, v.scenario.title);
    // Before the teacher starts the clock the class is still arriving (the students' lobby).
    setText(phase, v.phase === "briefing" && v.timer.state === "off" ? "Joining" : PHASE_TITLES[v.phase]);
    const mode = modeOf(v);
    if (mode !== shown) {
      root.dataset.mode = mode;
      fill(
        main,
        mode === "join" ? joinSection : mode === "floor" ? floor.el : mode === "draft" ? draftSection : resultsSection,
      );
      const pages =
        mode === "draft" ? draftPages : mode === "results" ? resultPages : mode === "join" ? rosterPages : null;
      fill(footer, pages?.label ?? null);
      pages?.restart();
      shown = mode;
      seatsChanged([], () => undefined);
      resultsChanged([], () => undefined);
    }
    setHidden(stage, mode === "results");
    root.classList.toggle("no-band", stage.hidden);
    if (!stage.hidden) (band ??= tableBand(stage)).show(v);
    seatsChanged([v.seats, v.scenario.delegations, v.signatures, v.phase], () => setText(seatsText, tableWords(v)));
    if (mode === "join") {
      setText(doing, doingWords(v));
      seatsChanged([v.seats, v.scenario.delegations, v.phase, "roster"], () => {
        fill(rosterSlot, roster(v));
        rosterPages.measure();
      });
    } else if (mode === "floor") {
      floor.show(v);
      floor.fit();
    } else if (mode === "draft") {
      draftPages.measure(showDraft(draftSection, v));
    } else {
      resultsChanged([v.debrief, v.instruments, v.signatures, v.shownReflections], () => {
        // The host chose to show the class's answers: they take the screen, without names, until hidden.
        fill(resultsSection, ...(v.shownReflections ? answerBlocks(v) : resultBlocks(v)));
        resultPages.measure();
      });
    }
  };
  link.on("view", draw);
  draw(link.view!);
  // A new window size pages everything again.
  let resizing = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = window.setTimeout(() => {
      shown = null;
      if (link.view) draw(link.view);
    }, 100);
  });
  link.on("event", (e) => {
    if (String(e.type).startsWith("inject")) toasts.show(`NEWS: ${String(e.headline ?? e.text ?? "")}`, "news", 10000);
  });
  if (__TEST_HOOKS__)
    void import("../test-hook.ts").then(({ exposeForTests, canvasTextSizes }) =>
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
        get canvasTexts() {
          return stage.hidden || !band ? [] : canvasTextSizes(band.scene);
        },
      }),
    );
}

void start();
