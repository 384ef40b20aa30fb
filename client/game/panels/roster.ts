// Who sits where: each delegation with its delegates, online dots and head.
import type { SessionView } from "../../../shared/view.ts";
import { h } from "../../ui/dom.ts";
import { delegationChip } from "../../ui/chips.ts";

export function roster(view: SessionView): HTMLElement {
  return h(
    "ul",
    { class: "roster" },
    ...view.scenario.delegations.map((d) => {
      const seats = view.seats.filter((s) => s.role === "delegate" && s.delegation === d.id);
      return h(
        "li",
        {},
        delegationChip(d),
        " ",
        seats.length === 0
          ? h("span", { class: "muted" }, "empty — abstains")
          : h(
              "span",
              {},
              ...seats.map((s) =>
                h(
                  "span",
                  { class: "delegate" },
                  h("span", { class: `dot ${s.connected ? "on" : "off"}`, title: s.connected ? "online" : "offline" }),
                  " ",
                  s.name,
                  s.isHead ? " ★ head" : "",
                  s.connected ? "" : " (offline)",
                  "  ",
                ),
              ),
            ),
      );
    }),
  );
}
