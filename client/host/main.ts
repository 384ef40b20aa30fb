// The host console: a control panel in plain DOM. The host key comes from the
// URL fragment, which browsers never send to the server or put in its logs.
import { SessionLink } from "../net/connection.ts";
import { h, fill, byId, setHidden } from "../ui/dom.ts";
import { partsOf, setText, whenChanged } from "../ui/keyed.ts";
import { connectionBadge, toastArea } from "../ui/status-bits.ts";
import { deleteControl } from "./delete.ts";
import { mountTalk } from "../game/panels/talk.ts";
import { debriefBody } from "../game/panels/debrief.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import { dangerControls, phaseControls, sessionControls } from "./controls.ts";
import { signingStatusPanel } from "./signing.ts";
import type { PhaseId } from "../../shared/phases.ts";
import { rosterPanel } from "./roster.ts";
import { showRejoinCode } from "../../shared/codes.ts";
import { computerPanel } from "./computer.ts";
import { lessonPanel } from "./lesson.ts";
import { packLinks } from "./pack.ts";
import { reflectionsPanel } from "./reflections.ts";
import { draftingPanel, injectsPanel } from "./drafting.ts";
import type { SessionView } from "../../shared/view.ts";
import { keepFocus } from "../ui/keep-focus.ts";

const root = byId("host-root");
const code = /^\/host\/([A-Za-z0-9]{6})/.exec(location.pathname)?.[1]?.toUpperCase() ?? "";
const hostKey = new URLSearchParams(location.hash.slice(1)).get("key") ?? "";

async function start(): Promise<void> {
  if (!code || !hostKey)
    return fill(
      root,
      h(
        "p",
        { class: "field-error" },
        "This host link is incomplete. Use the whole link you got when you created the session.",
      ),
    );
  let link: SessionLink;
  try {
    link = await SessionLink.open(code, { hostKey });
  } catch (err) {
    const words = (err as { refusal?: { words: string } }).refusal?.words ?? "Could not connect.";
    if (__TEST_HOOKS__)
      void import("../test-hook.ts").then(({ exposeForTests }) =>
        exposeForTests({
          get page() {
            return "host";
          },
          get lastError() {
            return words;
          },
        }),
      );
    return fill(root, h("p", { class: "field-error", role: "alert" }, words));
  }
  const joinUrl = `${location.origin}/j/${code}`;
  const toasts = toastArea();
  const phase = phaseControls(link);
  const session = sessionControls(link);
  const roster = rosterPanel(link);
  const computer = computerPanel(link);
  const lesson = lessonPanel(link, location.href);
  const drafting = draftingPanel(link);
  const injects = injectsPanel(link);
  const talk = h("aside", { class: "card talk", id: "talk" });
  const debrief = h("section", { class: "card", id: "host-debrief" });
  const signing = signingStatusPanel();
  const reflections = reflectionsPanel(link);
  // Beside nothing a teacher clicks often: ending and deleting sit alone at the bottom.
  const danger = dangerControls(link, deleteControl(code, hostKey, root));
  const title = h("h1", {});
  const exportsRow = h(
    "p",
    { class: "row exports" },
    "Export: ",
    ...["html", "md", "csv", "json"].map((ext) =>
      h(
        "a",
        {
          href: `/api/sessions/${code}/export.${ext}?key=${encodeURIComponent(hostKey)}`,
          download: ext !== "html" ? `accord-${code}.${ext}` : null,
          target: ext === "html" ? "_blank" : null,
          rel: "noopener",
        },
        ext === "html" ? "Printable report" : ext.toUpperCase(),
      ),
    ),
  );
  const joinInfo = h(
    "section",
    { class: "card join-info", id: "join-info", "aria-label": "How students join" },
    h(
      "div",
      {},
      classLink(hostKey),
      h("p", { class: "muted" }, "Session code"),
      h("p", { class: "big-code", id: "host-code" }, code),
      h("p", {}, "Join at ", h("a", { href: joinUrl, id: "join-link" }, joinUrl)),
      h(
        "p",
        {},
        h(
          "a",
          { href: `/screen/${code}`, target: "_blank", rel: "noopener", id: "projector-link" },
          "Show on projector ▶",
        ),
      ),
      exportsRow,
      packLinks(code, hostKey),
    ),
    h("img", {
      src: `/api/sessions/${code}/qr.svg`,
      alt: `QR code for ${joinUrl}`,
      class: "qr",
      width: 160,
      height: 160,
    }),
  );
  const grid = h("div", { class: "host-grid" });
  // What this phase needs comes first, right under the phase and timer; the rest follows.
  const firstFor: Record<PhaseId, HTMLElement[]> = {
    briefing: [joinInfo, phase.el, roster.el, session.el],
    opening: [phase.el, joinInfo, talk, roster.el],
    negotiation: [phase.el, talk, drafting.el, injects.el],
    "final-text": [phase.el, session.el, drafting.el],
    signing: [phase.el, signing.el, drafting.el],
    debrief: [phase.el, reflections.el, joinInfo, debrief],
  };
  const all = [
    phase.el,
    joinInfo,
    signing.el,
    drafting.el,
    injects.el,
    talk,
    roster.el,
    session.el,
    lesson.el,
    computer.el,
    debrief,
    reflections.el,
  ];
  let orderedFor: PhaseId | null = null;
  const order = (p: PhaseId) => {
    if (orderedFor === p) return;
    orderedFor = p;
    const first = firstFor[p];
    grid.append(...first, ...all.filter((el) => !first.includes(el)));
    setHidden(signing.el, p !== "signing" && p !== "debrief");
  };
  fill(root, h("header", { class: "host-top" }, title, connectionBadge(link)), grid, danger.el, toasts.el);
  mountTalk(talk, link);

  let shownDebrief: unknown = null;
  // The console's panels are redrawn when something other than talk changed: the
  // talk panel keeps its own lines, and a chat line does not rebuild the controls.
  const controlsChanged = whenChanged();
  const draw = (v: SessionView) => {
    setText(title, `${v.scenario.title} — ${PHASE_TITLES[v.phase]}`);
    order(v.phase);
    controlsChanged(partsOf(v, ["channels", "now"]), () => {
      phase.update(v);
      session.update(v);
      lesson.update(v);
      roster.update(v);
      computer.update(v);
      drafting.update(v);
      injects.update(v);
      signing.update(v);
      reflections.update(v);
      danger.update(v);
    });
    setHidden(debrief, !v.debrief);
    if (v.debrief && v.debrief !== shownDebrief) {
      shownDebrief = v.debrief;
      fill(debrief, h("h2", {}, "Debrief"), ...debriefBody(v));
    }
  };
  link.on("view", (v) => keepFocus(root, () => draw(v)));
  draw(link.view!);
  link.on("refusal", (r) => {
    if (r.seq === undefined) toasts.show(r.words);
  });
  link.on("event", (e) => {
    if (e.type === "seat.hand" || e.type === "seat.handed") {
      const seat = link.view?.seats.find((s) => s.id === e.seat);
      if (seat?.rejoinCode)
        toasts.show(`New rejoin code for ${seat.name}'s seat: ${showRejoinCode(seat.rejoinCode)}`, "info", 15000);
    } else if ((e.type === "seat.connect" || e.type === "seat.disconnect") && e.seat === link.welcome?.seat) {
      // The host's own link coming and going is the badge's job, not news to announce to the host.
    } else if (typeof e.text === "string") toasts.show(e.text);
  });
  if (__TEST_HOOKS__)
    void import("../test-hook.ts").then(({ exposeForTests }) =>
      exposeForTests({
        get page() {
          return "host";
        },
        get view() {
          return link.view;
        },
        get phase() {
          return link.view?.phase;
        },
        get lastError() {
          return link.lastError;
        },
        get connection() {
          return link.state;
        },
      }),
    );
}

void start();

/** Opened from a class console (client/class/console.ts adds ?class=CODE): the way back to every table. */
function classLink(hostKey: string): HTMLElement | null {
  const klass = new URLSearchParams(location.search).get("class")?.toUpperCase() ?? "";
  if (!/^[A-Z0-9]{6}$/.test(klass)) return null;
  return h(
    "p",
    {},
    h("a", { href: `/class/${klass}#key=${encodeURIComponent(hostKey)}`, id: "class-link" }, "◀ Class console"),
  );
}
