// Before a head signs a text that crosses one of its red lines, it reads why
// in plain words and chooses again.
import type { SessionLink } from "../../net/connection.ts";
import type { SessionView } from "../../../shared/view.ts";
import type { Instrument } from "../../../shared/state.ts";
import { h, fill } from "../../ui/dom.ts";
import { actionButton } from "../../ui/act.ts";

/** The sign button, with the warning first when the delegation's running score has one. */
export function signControl(link: SessionLink, view: SessionView, inst: Instrument): HTMLElement {
  const f = inst.frozen!;
  const sign = (label: string) =>
    actionButton(link, label, () => ({ type: "sign", instrument: inst.id, version: f.version }), {
      cls: "primary big sign-button",
    });
  // Only a red line stops the hand: a text worth less than walking away is said in the running score above.
  const own = view.standing?.instruments.find((i) => i.instrument === inst.id);
  const warning = own && own.crossed.length > 0 ? own.warning : null;
  // The text as it stands, in words: never the version's hash.
  const n = f.provisions.length;
  const label = `✍ Sign ${inst.title} as it stands (${n} provision${n === 1 ? "" : "s"})`;
  if (!warning) return sign(label);
  const box = h("div", { class: "sign-warning-slot" });
  const first = h("button", { type: "button", class: "primary big sign-button" }, `${label}…`);
  first.addEventListener("click", () => {
    const back = h("button", { type: "button", class: "secondary" }, "Don't sign");
    back.addEventListener("click", () => fill(box, first));
    fill(
      box,
      h(
        "div",
        { class: "sign-warning", role: "alertdialog", "aria-label": "Before you sign", id: `sign-warning-${inst.id}` },
        h("p", { class: "warn" }, h("strong", {}, "Before you sign: "), warning),
        h("div", { class: "row" }, back, sign("Sign anyway")),
      ),
    );
    back.focus();
  });
  fill(box, first);
  return box;
}
