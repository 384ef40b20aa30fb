// The class's answers to the debrief questions on the projector, when the
// host shows them: the texts alone, per question, never a name (the view
// carries none: shared/rules/reflection.ts). Blocks for the results' pages.
import type { SessionView } from "../../shared/view.ts";
import { h } from "../ui/dom.ts";

export function answerBlocks(v: SessionView): HTMLElement[] {
  const answered = (v.shownReflections ?? []).filter((q) => q.answers.length > 0);
  return [
    h("h2", { class: "block", id: "class-answers" }, "The class's answers"),
    ...(answered.length === 0 ? [h("p", { class: "block" }, "No answers yet.")] : []),
    ...answered.map((q) =>
      h(
        "section",
        { class: "block answers-question", "data-question": q.question },
        h("h3", {}, `${q.question + 1}. ${v.scenario.questions[q.question] ?? ""}`),
        h("ul", {}, ...q.answers.map((a) => h("li", {}, a))),
      ),
    ),
  ];
}
