// Computer delegations in the console: for each delegation, who plays it and
// a switch to let the computer play it (at a difficulty) or to hand it back
// to the students who have arrived; and whether the computer chairs.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { Difficulty } from "../../shared/bots/difficulty.ts";
import { h, fill } from "../ui/dom.ts";
import { actionButton } from "../ui/act.ts";
import { delegationChip } from "../ui/chips.ts";

const HOW: Record<Difficulty, string> = {
  cooperative: "Cooperative",
  firm: "Firm",
  "hard-line": "Hard-line",
};

export function computerPanel(link: SessionLink): { el: HTMLElement; update(v: SessionView): void } {
  const list = h("ul", { class: "computer-list" });
  const chair = h("p", { class: "row" });
  const el = h(
    "section",
    { class: "card", id: "computer", "aria-labelledby": "computer-h" },
    h("h2", { id: "computer-h" }, "Computer delegations"),
    h(
      "p",
      { class: "muted" },
      "An empty delegation can be played by the computer, by its secret brief. Switch it off when a student arrives: the student takes the delegation over.",
    ),
    list,
    chair,
  );
  return {
    el,
    update(v) {
      fill(
        list,
        ...v.scenario.delegations.map((d) => {
          const seats = v.seats.filter((s) => s.role === "delegate" && s.delegation === d.id);
          const computer = seats.find((s) => s.computer);
          const students = seats.filter((s) => !s.computer).length;
          const pick = h(
            "select",
            { "aria-label": `How the computer plays ${d.name}` },
            ...Difficulty.options.map((o) =>
              h("option", { value: o, selected: o === (computer?.computer ?? "firm") }, HOW[o]),
            ),
          );
          const who = computer
            ? `played by the computer (${computer.computer})`
            : students > 0
              ? `${students} student${students === 1 ? "" : "s"}`
              : "nobody yet";
          return h(
            "li",
            { class: "row", "data-delegation": d.id },
            delegationChip(d),
            h("span", { class: "muted computer-who" }, who),
            h(
              "span",
              { class: "row computer-controls" },
              pick,
              actionButton(link, computer ? "Change" : "Computer plays it", () => ({
                type: "computer.on",
                delegation: d.id,
                difficulty: pick.value as Difficulty,
              })),
              computer
                ? actionButton(link, students > 0 ? "Hand to the students" : "Switch off", () => ({
                    type: "computer.off",
                    delegation: d.id,
                  }))
                : null,
            ),
          );
        }),
      );
      const on = v.autoChair === true;
      fill(
        chair,
        h("span", {}, on ? "The computer chairs: timers and phases move by themselves." : "You chair the session."),
        actionButton(link, on ? "Take the chair back" : "Let the computer chair", () => ({
          type: "chair.auto",
          on: !on,
        })),
      );
    },
  };
}
