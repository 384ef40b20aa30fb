// The students' answers to the debrief questions, as the host reads them:
// every answer with its student's name, and one button to show them all on
// the projector without names (or to hide them again).
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { h, fill, setHidden } from "../ui/dom.ts";
import { actionButton } from "../ui/act.ts";
import { whenChanged } from "../ui/keyed.ts";
import { delegationOf } from "../ui/words.ts";

export function reflectionsPanel(link: SessionLink): { el: HTMLElement; update(v: SessionView): void } {
  const body = h("div", {});
  const el = h(
    "section",
    { class: "card", id: "host-reflections", "aria-labelledby": "host-reflections-h", hidden: true },
    h("h2", { id: "host-reflections-h" }, "Students' answers"),
    body,
  );
  const changed = whenChanged();
  return {
    el,
    update(v) {
      setHidden(el, v.phase !== "debrief");
      if (el.hidden) return;
      changed([v.reflections, v.shownReflections, v.seats, v.ended], () => {
        const all = v.reflections ?? [];
        const students = v.seats.filter((s) => s.role === "delegate" && !s.computer).length;
        const answered = new Set(all.map((r) => r.seat)).size;
        const shown = v.shownReflections !== undefined;
        const nameOf = (seat: string, kept: string) => v.seats.find((s) => s.id === seat)?.name ?? kept;
        fill(
          body,
          h(
            "p",
            { class: "row" },
            actionButton(
              link,
              shown ? "Hide from the projector" : "Show on the projector (without names)",
              () => ({ type: "reflection.show", shown: !shown }),
              { cls: shown ? "" : "primary", pressed: shown, disabled: v.ended },
            ),
            h(
              "span",
              { class: "muted", id: "reflections-count" },
              `${answered} of ${students} ${students === 1 ? "student has" : "students have"} answered.`,
            ),
          ),
          ...v.scenario.questions.map((question, i) => {
            const answers = all.filter((r) => r.question === i);
            return h(
              "div",
              { class: "reflection-answers", "data-question": i },
              h("h3", {}, `${i + 1}. ${question}`),
              answers.length === 0
                ? h("p", { class: "muted" }, "No answers yet.")
                : h(
                    "ul",
                    {},
                    ...answers.map((r) =>
                      h(
                        "li",
                        {},
                        h("strong", {}, nameOf(r.seat, r.name)),
                        ` (${delegationOf(v, r.delegation ?? "")?.name ?? "no delegation"}): `,
                        r.text,
                      ),
                    ),
                  ),
            );
          }),
        );
      });
    },
  };
}
