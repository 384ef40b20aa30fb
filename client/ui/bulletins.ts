// What the teacher puts in front of everyone: the latest announcement and the
// latest news flash. Both are drawn from the view (not from passing events), so
// a student who joins or reconnects late still sees them; a student can close
// one, and the next one opens again.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { h, fill } from "./dom.ts";

interface Options { dismissable: boolean; withBody: boolean }

export function bulletins(link: SessionLink, opts: Options): HTMLElement {
  const announcement = h("div", { id: "announcement", class: "bulletin announcement", role: "status", "aria-live": "polite" });
  const news = h("div", { class: "bulletin news-flash", role: "status", "aria-live": "polite" });
  const closed = new Set<string>();
  const closer = (key: string, what: string) => {
    if (!opts.dismissable) return null;
    const b = h("button", { type: "button", class: "bulletin-close", "aria-label": `Close the ${what}` }, "✕");
    b.addEventListener("click", () => { closed.add(key); if (link.view) draw(link.view); });
    return b;
  };
  const draw = (v: SessionView) => {
    const said = v.channels.find((c) => c.kind === "announcements")?.messages.at(-1);
    const aKey = said ? `a:${said.id}` : "";
    fill(announcement, said && !closed.has(aKey)
      ? h("p", {}, h("strong", { class: "bulletin-label" }, "Teacher: "), said.text, " ", closer(aKey, "announcement")) : null);
    announcement.hidden = !said || closed.has(aKey);
    const released = v.injectsReleased.at(-1);
    const inject = released && v.scenario.injects.find((i) => i.id === released.inject);
    const nKey = inject ? `n:${inject.id}` : "";
    fill(news, inject && !closed.has(nKey)
      ? h("div", {}, h("p", {}, h("strong", { class: "bulletin-label" }, "NEWS: "), inject.headline, " ", closer(nKey, "news")),
        opts.withBody ? h("p", { class: "news-body" }, inject.body) : null) : null);
    news.hidden = !inject || closed.has(nKey);
  };
  link.on("view", draw);
  if (link.view) draw(link.view);
  return h("div", { class: "bulletins" }, news, announcement);
}
