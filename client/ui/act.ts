// Sends an action and shows a refusal right next to what caused it.
import type { ClientAction, ClientActionType } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";
import { canAct } from "../../shared/rules/can-act.ts";
import type { SessionLink } from "../net/connection.ts";
import { h } from "./dom.ts";

export function actNear(link: SessionLink, action: ClientAction, slot: HTMLElement, onAccepted?: () => void): void {
  slot.textContent = "";
  link.act(action, {
    onRefused: (r) => {
      slot.textContent = r.words;
      slot.dataset.code = r.code;
    },
    onAccepted,
  });
}

/** Whether this page's seat may ask for `type` now (the rules' phase table): show its control only then. */
export const may = (link: SessionLink, view: SessionView, type: ClientActionType): boolean =>
  canAct(view, link.welcome?.seat ?? "", type);

/** A button with its own refusal slot just after it. */
export function actionButton(
  link: SessionLink,
  label: string,
  action: () => ClientAction | null,
  opts: {
    cls?: string;
    disabled?: boolean;
    title?: string;
    pressed?: boolean;
    fk?: string;
    onAccepted?: () => void;
  } = {},
): HTMLElement {
  const slot = h("span", { class: "action-error", role: "alert" });
  const button = h(
    "button",
    {
      type: "button",
      class: opts.cls ?? "",
      disabled: opts.disabled,
      title: opts.title,
      "aria-pressed": opts.pressed === undefined ? null : String(opts.pressed),
      "data-fk": opts.fk ?? null,
    },
    label,
  );
  button.addEventListener("click", () => {
    const a = action();
    if (a) actNear(link, a, slot, opts.onAccepted);
  });
  return h("span", { class: "action" }, button, slot);
}
