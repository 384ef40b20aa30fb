// A slider that replays the negotiation: at each step of the timeline, every
// provision's text as it stood then.
import type { SessionView } from "../../../shared/view.ts";
import { h, fill } from "../../ui/dom.ts";
import { delegationOf } from "../../ui/words.ts";
import { diffLine } from "./provision-card.ts";

export function timelineReplay(view: SessionView): HTMLElement {
  const entries = view.timeline;
  if (entries.length === 0) return h("p", { class: "muted" }, "Nothing happened to replay.");
  const slider = h("input", {
    type: "range",
    min: 0,
    max: entries.length - 1,
    value: entries.length - 1,
    id: "timeline-slider",
    "aria-label": "Step of the negotiation",
  });
  const out = h("div", { class: "replay", "aria-live": "polite" });
  const draw = () => {
    const i = Number(slider.value);
    const e = entries[i]!;
    const at = e.at;
    const texts = view.provisions
      .filter((p) => p.tabledAt <= at)
      .map((p) => {
        const upTo = p.versions.filter((v) => v.at <= at);
        const v = upTo[upTo.length - 1] ?? p.versions[0]!;
        const prev = upTo[upTo.length - 2];
        const changedHere = e.provision === p.id && prev;
        return h(
          "li",
          { class: e.provision === p.id ? "current" : "" },
          h("strong", {}, `${p.title} (v${v.version}): `),
          changedHere ? diffLine(prev.text, v.text) : v.text,
        );
      });
    const d = delegationOf(view, e.delegation);
    fill(
      out,
      h("p", { class: "step" }, `Step ${i + 1} of ${entries.length}: `, d ? `${d.emblem} ` : "", e.text),
      h("ul", {}, ...texts),
    );
  };
  slider.addEventListener("input", draw);
  draw();
  return h("div", { class: "timeline" }, h("label", { for: "timeline-slider" }, "Replay the negotiation"), slider, out);
}
