// The host, as judge, says what a provision counts for in Final text: a
// re-tag everyone sees in the timeline. One editor per provision, kept across
// the console's redraws so ticks are not lost while the class acts.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import type { Provision } from "../../shared/state.ts";
import { h } from "../ui/dom.ts";
import { actNear } from "../ui/act.ts";
import { tagPicker, type TagPicker } from "../ui/tag-picker.ts";

const editors = new Map<string, { el: HTMLElement; picker: TagPicker; shown: string }>();

export function retagControl(link: SessionLink, v: SessionView, p: Provision): HTMLElement {
  let editor = editors.get(p.id);
  if (!editor) {
    const picker = tagPicker(`retag-${p.id}`, "What this provision counts for");
    const slot = h("p", { class: "action-error", role: "alert" });
    const save = h("button", { type: "button", class: "retag-save" }, "Save the tags");
    save.addEventListener("click", () =>
      actNear(link, { type: "provision.retag", provision: p.id, tags: picker.selected() }, slot),
    );
    const el = h("details", { class: "retag" }, h("summary", {}, "Re-tag (as judge)"), picker.el, save, slot);
    editor = { el, picker, shown: "" };
    editors.set(p.id, editor);
  }
  editor.picker.update(v);
  const key = p.tags.join(",");
  if (key !== editor.shown) {
    editor.shown = key;
    editor.picker.set(p.tags);
  }
  return editor.el;
}
