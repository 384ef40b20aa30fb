// Picking the tags a free-text provision counts for, from the scenario's own
// tags: what a class's own wording is worth is decided in the open.
import type { SessionView } from "../../shared/view.ts";
import { h, fill } from "./dom.ts";
import { tagWords } from "./meaning.ts";

export interface TagPicker {
  el: HTMLElement;
  update(view: SessionView): void;
  selected(): string[];
  clear(): void;
  /** Ticks exactly these tags. */
  set(tags: readonly string[]): void;
}

export function tagPicker(
  id: string,
  legend = "What does it count for? Pick its tags (everyone will see them)",
): TagPicker {
  const box = h("div", { class: "checks tag-picker", id });
  const el = h("fieldset", { class: "tag-field" }, h("legend", {}, legend), box);
  let shown = "";
  return {
    el,
    update(view) {
      const tags = [...new Set(view.scenario.cards.flatMap((c) => c.tags))].sort();
      const key = tags.join(",");
      if (key === shown) return;
      shown = key;
      fill(
        box,
        ...tags.map((t) =>
          h(
            "label",
            { class: "check" },
            h("input", { type: "checkbox", value: t, name: `${id}-tag` }),
            ` #${tagWords(t)}`,
          ),
        ),
      );
    },
    selected: () => [...box.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value),
    clear: () => box.querySelectorAll<HTMLInputElement>("input:checked").forEach((i) => (i.checked = false)),
    set: (tags) => box.querySelectorAll<HTMLInputElement>("input").forEach((i) => (i.checked = tags.includes(i.value))),
  };
}
