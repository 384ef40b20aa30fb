// Opening statements on the big screen: the floor's lines as they come, each
// with its speaker's delegation, newest at the bottom. Only the latest lines
// that fit are kept on the screen; the older ones scroll away as on a stage.
import { h, setHidden } from "../ui/dom.ts";
import { keyedList } from "../ui/keyed.ts";
import { delegationChip } from "../ui/chips.ts";
import { delegationOf } from "../ui/words.ts";
import type { SessionView } from "../../shared/view.ts";
import type { ChatMessage } from "../../shared/state.ts";

/** More than ever fit on one screen; the rest are trimmed to what fits. */
const KEPT_LINES = 14;

export function floorSection(): { el: HTMLElement; show(v: SessionView): void; fit(): void } {
  const list = h("ol", { class: "floor-lines", "aria-label": "Opening statements on the floor" });
  const empty = h("p", { class: "floor-empty" }, "The floor is open: each delegation gives its opening statement.");
  const el = h("section", { class: "floor" }, h("h2", {}, "Opening statements"), empty, list);
  return {
    el,
    show(v) {
      const lines = v.channels.find((c) => c.kind === "floor")?.messages.slice(-KEPT_LINES) ?? [];
      setHidden(empty, lines.length > 0);
      keyedList(
        list,
        lines,
        (m) => m.id,
        (m) => [m.text, m.name, m.delegation],
        (m: ChatMessage) =>
          h(
            "li",
            { class: "floor-line" },
            h("span", { class: "speaker" }, delegationChip(delegationOf(v, m.delegation)), ` ${m.name}:`),
            " ",
            m.text,
          ),
      );
    },
    /** Hides the oldest lines until the newest ones fit the screen. */
    fit() {
      const items = [...list.children] as HTMLElement[];
      for (const li of items) setHidden(li, false);
      const bottom = el.getBoundingClientRect().bottom;
      for (const li of items) {
        if (list.getBoundingClientRect().bottom <= bottom + 1 || li === items.at(-1)) break;
        setHidden(li, true);
      }
    },
  };
}
