// What the teacher puts in front of everyone: the latest announcement and the
// latest news flash. Both are drawn from the view (not from passing events), so
// a student who joins or reconnects late still sees them. Each one closes when
// the phase moves on (it was news for that phase), or when a student closes it;
// the next one opens again.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { h, fill, setHidden } from "./dom.ts";
import { whenChanged } from "./keyed.ts";

interface Options {
  dismissable: boolean;
}

export function bulletins(link: SessionLink, opts: Options): HTMLElement {
  const announcement = h("div", {
    id: "announcement",
    class: "bulletin announcement",
    role: "status",
    "aria-live": "polite",
  });
  const news = h("div", { class: "bulletin news-flash", role: "status", "aria-live": "polite" });
  const closed = new Set<string>();
  /** The phase each bulletin was first seen in. */
  const seenIn = new Map<string, string>();
  const isClosed = (key: string, v: SessionView) => {
    if (!key) return true;
    if (!seenIn.has(key)) seenIn.set(key, v.phase);
    return closed.has(key) || seenIn.get(key) !== v.phase;
  };
  const closer = (key: string, what: string) => {
    if (!opts.dismissable) return null;
    const b = h("button", { type: "button", class: "bulletin-close", "aria-label": `Close the ${what}` }, "✕");
    b.addEventListener("click", () => {
      closed.add(key);
      if (link.view) drawBoard(link.view);
    });
    return b;
  };
  // Redrawn only when what they say changes: each is a live region, and new
  // elements in it would be read out again at every move anyone makes.
  const announcementChanged = whenChanged();
  const newsChanged = whenChanged();
  const draw = (v: SessionView) => {
    const said = v.channels.find((c) => c.kind === "announcements")?.messages.at(-1);
    const aKey = said ? `a:${said.id}` : "";
    const aGone = isClosed(aKey, v);
    announcementChanged([said?.id, aGone], () =>
      fill(
        announcement,
        said && !aGone
          ? h(
              "p",
              {},
              h("strong", { class: "bulletin-label" }, "Teacher: "),
              said.text,
              " ",
              closer(aKey, "announcement"),
            )
          : null,
      ),
    );
    setHidden(announcement, aGone);
    const released = v.injectsReleased.at(-1);
    const inject = released && v.scenario.injects.find((i) => i.id === released.inject);
    const nKey = inject ? `n:${inject.id}` : "";
    const nGone = isClosed(nKey, v);
    newsChanged([inject?.id, nGone], () =>
      fill(
        news,
        inject && !nGone
          ? h(
              "div",
              {},
              h(
                "p",
                {},
                h("strong", { class: "bulletin-label" }, "NEWS: "),
                inject.headline,
                " ",
                closer(nKey, "news"),
              ),
              // The whole story, on phones too: the headline alone leaves students guessing.
              h("p", { class: "news-body" }, inject.body),
            )
          : null,
      ),
    );
    setHidden(news, nGone);
  };
  const board = h("div", { class: "bulletins" }, news, announcement);
  // The board takes no room while both are hidden. Said here rather than by a :has() rule in
  // the style sheet: a :has() makes the browser check every change anywhere on the page
  // against it, a cost each chat line and stance paid in the soak's frames (BENCHMARKS.md).
  const drawBoard = (v: SessionView) => {
    draw(v);
    setHidden(board, announcement.hidden && news.hidden);
  };
  link.on("view", drawBoard);
  if (link.view) drawBoard(link.view);
  return board;
}
