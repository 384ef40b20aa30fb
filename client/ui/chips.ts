// Delegation chips and stance chips: colour plus emblem plus words.
import { h } from "./dom.ts";
import type { DelegationView } from "../../shared/view.ts";
import { STANCE_MARKS, STANCE_WORDS } from "./words.ts";
import { inkOn } from "./ink.ts";
import type { Stance } from "../../shared/protocol.ts";

export function delegationChip(d: DelegationView | undefined, extra?: string): HTMLElement {
  if (!d) return h("span", { class: "chip" }, "—");
  return h(
    "span",
    { class: "chip", style: `--c:${d.colour};--on-c:${inkOn(d.colour)}`, title: d.bloc },
    h("span", { class: "emblem", "aria-hidden": "true" }, d.emblem),
    d.name,
    extra ? ` ${extra}` : "",
  );
}

export function stanceChip(d: DelegationView | undefined, stance: Stance): HTMLElement {
  return h(
    "span",
    {
      class: `chip stance stance-${stance}`,
      style: `--c:${d?.colour ?? "#888"};--on-c:${inkOn(d?.colour ?? "#888888")}`,
    },
    h("span", { class: "emblem", "aria-hidden": "true" }, d?.emblem ?? "?"),
    `${d?.name ?? "?"}: ${STANCE_MARKS[stance]} ${STANCE_WORDS[stance]}`,
  );
}
