// Loaded only after a join: lays out the game page (top bar, canvas, panel,
// talk dock), starts Phaser with one scene per phase, and follows the phase.
import * as Phaser from "phaser";
import "../styles/game.css";
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import { h, fill } from "../ui/dom.ts";
import { setText, whenChanged } from "../ui/keyed.ts";
import { delegationChip } from "../ui/chips.ts";
import { delegationOf } from "../ui/words.ts";
import { tickTimer } from "../ui/timer.ts";
import { connectionBadge, toastArea } from "../ui/status-bits.ts";
import { bulletins } from "../ui/bulletins.ts";
import { noticeWords } from "../ui/notice-words.ts";
import { me, type GameContext } from "./context.ts";
import { sceneFor, SCENE_KEYS, type SceneKey } from "./phase-router.ts";
import { SCENES } from "./scenes/index.ts";
import { drawOnChange, FRAMES_AFTER_START, type Painter } from "./painter.ts";
import { mountTalk } from "./panels/talk.ts";
import { dutyBar } from "./panels/duty.ts";
import type { PhaseScene } from "./scenes/phase-scene.ts";

/** Notices after which this device is no longer in the session: the page is replaced by a plain screen. */
const LEFT_SCREEN = new Set(["kicked", "seat-handed", "seat-taken-over"]);

export function startGame(link: SessionLink, root: HTMLElement): void {
  const who = h("span", { class: "who" });
  const phase = h("span", { class: "phase-name" });
  const timer = h("span", { class: "timer", "aria-label": "Time left in this phase" });
  const stage = h("div", { class: "stage", id: "stage", "aria-hidden": "true" });
  // The canvas says nothing to a screen reader: what it shows is also here, in words, changed with it.
  const canvasWords = h("p", { class: "sr-only", id: "table-words" });
  const panel = h("section", { class: "panel", id: "panel", "aria-live": "polite" });
  const talk = h("aside", { class: "talk", id: "talk", "aria-label": "Talk" });
  const notice = h("div", { class: "notice-area", role: "alert" });
  const board = bulletins(link, { dismissable: true });
  const toasts = toastArea();
  const duty = dutyBar(link);
  fill(
    root,
    h(
      "header",
      { class: "topbar" },
      h("strong", { class: "brand" }, "Accord"),
      phase,
      timer,
      who,
      connectionBadge(link),
    ),
    duty.el,
    notice,
    board,
    h("div", { class: "game-main" }, h("div", { class: "play" }, stage, canvasWords, panel), talk),
    toasts.el,
  );

  const ctx: GameContext = {
    link,
    panel,
    toast: toasts.show,
    openedProvision: null,
    instrument: "code",
    openProvision: (id) => {
      ctx.openedProvision = id;
      ctx.redraw();
    },
    redraw: () => {
      if (active) (game.scene.getScene(active) as PhaseScene | null)?.redraw();
    },
    paint: () => painter.paint(),
    canvasWords: (text) => setText(canvasWords, text),
  };

  const game = new Phaser.Game({
    // Canvas 2D, not WebGL: discs, tiles and labels need no shaders, and a WebGL context costs GPU
    // memory on a 4 GB Chromebook. Where the compositor runs without a GPU (school VMs, the bench's
    // headless Chromium) every WebGL frame is also read back pixel by pixel: 25 ms a frame at 4x
    // CPU throttle in the soak's trace, the largest single cost of a patch.
    type: Phaser.CANVAS,
    parent: stage,
    backgroundColor: "#efe9dd",
    scale: { mode: Phaser.Scale.RESIZE, width: stage.clientWidth || 360, height: stage.clientHeight || 260 },
    // Scenes are added without starting any: the router alone starts one.
    scene: [],
    banner: false,
    audio: { noAudio: true },
  });
  game.registry.set("ctx", ctx);
  const painter: Painter = drawOnChange(game, stage);
  SCENES.forEach((Scene, i) => game.scene.add(SCENE_KEYS[i]!, Scene, false));
  let active: SceneKey | null = null;

  const whoChanged = whenChanged();
  const follow = (view: SessionView) => {
    const m = me(ctx);
    setText(phase, PHASE_TITLES[view.phase]);
    duty.update(view);
    whoChanged([view.scenario, m.delegation, m.isHead, m.seat?.name], () =>
      fill(
        who,
        delegationChip(delegationOf(view, m.delegation), m.isHead ? "· ★ head" : ""),
        " ",
        h("span", { class: "who-name" }, m.seat?.name ?? ""),
      ),
    );
    const key = sceneFor(view);
    if (key === active) return;
    for (const running of game.scene.getScenes(true)) if (running.scene.key !== key) game.scene.stop(running.scene.key);
    active = key;
    root.dataset.scene = key;
    game.scene.start(key);
    painter.paint(FRAMES_AFTER_START);
  };
  const begin = () => {
    if (link.view) follow(link.view);
  };
  if (game.isBooted) begin();
  else game.events.once("ready", begin);
  link.on("view", (v) => {
    if (game.isBooted) follow(v);
  });
  tickTimer(
    timer,
    () => link.view?.timer,
    () => link.clock.now(),
  );
  mountTalk(talk, link, (text) => toasts.show(text));

  // Chat lines and people coming and going are shown where they happen (the talk
  // panel, the seats); a toast for each would bury the ones that matter. So are
  // stances (a chip on the provision's row), the commonest move of all: a
  // delegation hears of a stance only on a provision it tabled itself.
  const QUIET = new Set(["say", "seat.connect", "seat.disconnect"]);
  const ownProvision = (id: unknown) =>
    link.view?.provisions.some((p) => p.id === id && p.tabledBy === me(ctx).delegation) === true;
  link.on("event", (e) => {
    // The rules name a released inject's event "inject"; it also stays on the news banner.
    if (e.type === "inject") ctx.toast(`NEWS: ${String(e.headline ?? e.text ?? "")}`, "news", 8000);
    else if (e.type === "stance" && !ownProvision(e.provision)) return;
    else if (typeof e.text === "string" && !QUIET.has(String(e.type))) ctx.toast(e.text);
  });
  link.on("notice", (n) => {
    if (!LEFT_SCREEN.has(n.kind)) return fill(notice, h("p", { class: "notice-banner" }, noticeWords(n)));
    // This device is no longer in the session: a page that still showed the table would mislead.
    // The whole page says so plainly (and the canvas lets go of its memory).
    const locked = link.view?.locked === true;
    painter.stop();
    game.destroy(true);
    fill(
      root,
      h(
        "main",
        { class: "left-screen" },
        h(
          "div",
          { class: "notice-area", role: "alert" },
          h(
            "h1",
            {},
            n.kind === "kicked" ? "The teacher removed you from this session" : "This device has left the session",
          ),
          h("p", {}, noticeWords(n)),
          locked
            ? h("p", { class: "muted" }, "The session is locked: ask your teacher to unlock it before you join again.")
            : h("p", {}, h("a", { href: `/j/${link.code}`, class: "join-again button primary" }, "Join again")),
        ),
      ),
    );
    delete root.dataset.scene;
  });
  link.on("state", (s) => {
    if (s === "offline" && link.lastError) {
      // A seat that was given up: offer the way back in, to the same session.
      const again =
        link.lastError.code === "UNKNOWN_SEAT"
          ? [" ", h("a", { href: `/j/${link.code}`, class: "join-again" }, "Join again")]
          : [];
      fill(notice, h("p", { class: "notice-banner" }, link.lastError.words, ...again));
    }
    // Back after a server restart: the "restarting" banner has done its job.
    if (s === "connected" && link.lastNotice?.kind === "restarting") fill(notice);
  });

  if (__TEST_HOOKS__)
    void import("../test-hook.ts").then(({ canvasTexts, canvasTextSizes, dropConnection, exposeForTests }) =>
      exposeForTests({
        get page() {
          return "game";
        },
        get view() {
          return link.view;
        },
        get phase() {
          return link.view?.phase;
        },
        get scene() {
          return active;
        },
        get lastError() {
          return link.lastError;
        },
        get welcome() {
          return link.welcome;
        },
        get connection() {
          return link.state;
        },
        dropConnection: () => dropConnection(link),
        get canvasTexts() {
          return active ? canvasTexts(game.scene.getScene(active)) : [];
        },
        get canvasTextSizes() {
          return active ? canvasTextSizes(game.scene.getScene(active)) : [];
        },
        /** Frames the canvas has drawn since the page started (it sleeps between changes). */
        get framesDrawn() {
          return game.loop.frame;
        },
      }),
    );
}
