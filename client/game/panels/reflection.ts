// The student's own answers to the debrief questions: a short text per
// question, saved one by one and editable until the session ends. The saved
// answers come back to this seat alone (the server's "reflection" message),
// never through the view a delegation's members share.
import type { SessionLink } from "../../net/connection.ts";
import type { SessionView } from "../../../shared/view.ts";
import { LIMITS } from "../../../shared/limits.ts";
import { hasVisible } from "../../../shared/visible.ts";
import { h, setHidden } from "../../ui/dom.ts";
import { setText } from "../../ui/keyed.ts";

interface Question {
  box: HTMLTextAreaElement;
  save: HTMLButtonElement;
  status: HTMLElement;
  saved: string;
}

export function reflectionForm(link: SessionLink, questions: readonly string[]) {
  const shownNote = h("p", { class: "muted", id: "reflection-shown", hidden: true });
  const items: Question[] = [];
  const list = h("ol", { class: "reflection-list" });

  const showStatus = (q: Question) => {
    const text = q.box.value.trim();
    const left = LIMITS.reflection - q.box.value.length;
    q.save.disabled = text === q.saved || !hasVisible(text) || link.view?.ended === true;
    if (text === q.saved && q.saved !== "") setText(q.status, "Saved ✓");
    else if (text === "") setText(q.status, "Not answered yet.");
    else setText(q.status, `Not saved yet · ${left} characters left`);
  };

  questions.forEach((question, i) => {
    const box = h("textarea", {
      id: `reflection-${i}`,
      rows: 3,
      maxlength: LIMITS.reflection,
      "aria-describedby": `reflection-status-${i}`,
    });
    const status = h("span", { class: "muted reflection-status", id: `reflection-status-${i}`, "aria-live": "polite" });
    const save = h("button", { type: "button", class: "primary" }, "Save answer");
    const q: Question = { box, save, status, saved: "" };
    box.addEventListener("input", () => showStatus(q));
    save.addEventListener("click", () => {
      const text = box.value.trim();
      save.disabled = true;
      setText(status, "Saving…");
      link.act(
        { type: "reflection.answer", question: i, text },
        {
          onRefused: (r) => {
            setText(status, r.words);
            save.disabled = false;
          },
        },
      );
    });
    items.push(q);
    list.append(
      h(
        "li",
        { class: "reflection-question", "data-question": i },
        h("label", { for: `reflection-${i}` }, question),
        box,
        h("div", { class: "row" }, save, status),
      ),
    );
  });

  /** Answers the server saved: a box the student has not changed since shows them; one being edited keeps its text. */
  const take = (answers: readonly (string | null)[]) => {
    items.forEach((q, i) => {
      const next = answers[i] ?? "";
      if (q.box.value.trim() === q.saved) q.box.value = next;
      q.saved = next;
      showStatus(q);
    });
  };
  const stop = link.on("reflection", take);
  take(link.reflection ?? []);

  const el = h(
    "section",
    { class: "card-ish reflection", id: "reflection" },
    h("h3", {}, "Your answers"),
    h(
      "p",
      { class: "muted" },
      "Answer each question in a few sentences. Your teacher reads your answers with your name; the class may see them on the projector, without names.",
    ),
    shownNote,
    list,
  );
  return {
    el,
    update(view: SessionView) {
      setHidden(shownNote, !view.shownReflections);
      setText(shownNote, "Your teacher is showing the class's answers on the projector now, without names.");
      for (const q of items) showStatus(q);
    },
    destroy: () => stop(),
  };
}
