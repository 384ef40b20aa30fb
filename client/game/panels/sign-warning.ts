// Signing is a question with two real answers: "Sign the … as it stands
// (5 provisions)?" — Sign, or Not now. Not now is recorded: the delegation
// declines to sign, for everyone to see, and the head may still sign after
// all while Signing lasts. A text that crosses one of the delegation's red
// lines says so in the question, before the head chooses.
import type { SessionLink } from "../../net/connection.ts";
import type { SessionView } from "../../../shared/view.ts";
import type { Instrument } from "../../../shared/state.ts";
import { declineOf } from "../../../shared/rules/signing.ts";
import { h, fill } from "../../ui/dom.ts";
import { actionButton } from "../../ui/act.ts";

/** The signing question for the head, or, once declined, that choice and a way to sign after all. */
export function signControl(link: SessionLink, view: SessionView, inst: Instrument, delegation: string): HTMLElement {
  const f = inst.frozen!;
  // The text as it stands, in words: never the version's hash.
  const n = f.provisions.length;
  const question = `Sign ${inst.title} as it stands (${n} provision${n === 1 ? "" : "s"})?`;
  // Only a red line stops the hand: a text worth less than walking away is said in the running score above.
  const own = view.standing?.instruments.find((i) => i.instrument === inst.id);
  const warning = own && own.crossed.length > 0 ? own.warning : null;
  const declined = declineOf(view, inst.id, delegation);
  const box = h("div", { class: "sign-question-slot" });
  const sign = actionButton(
    link,
    warning ? "✍ Sign anyway" : "✍ Sign",
    () => ({ type: "sign", instrument: inst.id, version: f.version }),
    { cls: "primary big sign-button" },
  );
  const notNow = declined
    ? h("button", { type: "button", class: "secondary decline-button" }, "Not now")
    : actionButton(link, "Not now", () => ({ type: "sign.decline", instrument: inst.id, version: f.version }), {
        cls: "secondary decline-button",
      });
  const ask = () =>
    fill(
      box,
      h(
        "div",
        { class: "sign-question", role: "group", "aria-label": question, id: `sign-question-${inst.id}` },
        h("p", { class: "question" }, h("strong", {}, question)),
        warning
          ? h("p", { class: "warn", id: `sign-warning-${inst.id}` }, h("strong", {}, "Before you sign: "), warning)
          : null,
        h("div", { class: "row" }, sign, notNow),
        h(
          "p",
          { class: "muted" },
          "“Not now” tells everyone your delegation declines to sign. You can still sign until Signing ends.",
        ),
      ),
    );
  const showDeclined = () => {
    const again = h("button", { type: "button", class: "secondary sign-after-all" }, "Sign after all…");
    again.addEventListener("click", () => {
      ask();
      box.querySelector<HTMLButtonElement>(".sign-button")?.focus();
    });
    fill(
      box,
      h(
        "p",
        { class: "declined warn" },
        "✗ Your delegation declined to sign, for now. You can still sign until Signing ends.",
      ),
      again,
    );
  };
  if (declined) {
    notNow.addEventListener("click", showDeclined);
    showDeclined();
  } else ask();
  return box;
}
