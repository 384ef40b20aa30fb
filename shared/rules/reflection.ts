// Reflection at the debrief: each student answers the scenario's questions in
// a few sentences, and may edit an answer. The answers are the host's with
// names; the class sees them only when the host shows them, without names
// (viewFor), and each student gets their own back alone (ownAnswers).
import { LIMITS } from "../limits.ts";
import { hasVisible } from "../visible.ts";
import type { Reflection, SessionState } from "../state.ts";
import type { SeatId } from "../ids.ts";
import type { ShownReflection } from "../view.ts";
import { accept, event, mine, type ActionOf, type Handler } from "./context.ts";
import { refuse } from "./refuse.ts";

export const reflectionAnswer: Handler<ActionOf<"reflection.answer">> = (s, a, w) => {
  const seat = w.seat!;
  const questions = s.scenario.questions.length;
  if (a.question < 0 || a.question >= questions)
    return refuse(
      "UNKNOWN_QUESTION",
      `There is no question ${a.question + 1}: this debrief has ${questions === 1 ? "1 question" : `${questions} questions`}.`,
    );
  const text = a.text.trim();
  if (text.length === 0 || text.length > LIMITS.reflection || !hasVisible(text))
    return refuse(
      "BAD_MESSAGE",
      `An answer needs 1 to ${LIMITS.reflection} characters, at least one of them one you can see.`,
    );
  const list = s.reflections ?? [];
  const at = list.findIndex((r) => r.seat === seat.id && r.question === a.question);
  if (at >= 0 && list[at]!.text === text) return refuse("NO_CHANGE", "That is already your answer.");
  const answer: Reflection = {
    seat: seat.id,
    name: seat.name,
    delegation: mine(w),
    question: a.question,
    text,
    at: w.t,
  };
  const reflections = at >= 0 ? list.map((r, i) => (i === at ? answer : r)) : [...list, answer];
  // No event: the host's view shows the answer, and nobody else may know who answered what.
  return accept({ ...s, reflections });
};

export const reflectionShow: Handler<ActionOf<"reflection.show">> = (s, a) => {
  if ((s.reflectionsShown ?? false) === a.shown)
    return refuse(
      "ALREADY_DONE",
      a.shown ? "The answers are already shown on the projector." : "The answers are not shown on the projector.",
    );
  const text = a.shown
    ? "The teacher is showing the class's answers on the projector, without names."
    : "The class's answers are no longer shown.";
  return accept({ ...s, reflectionsShown: a.shown }, [event("reflection.show", text, { shown: a.shown })]);
};

/** One seat's own answers, one per question (null: not answered yet). */
export function ownAnswers(s: SessionState, seat: SeatId): (string | null)[] {
  const answers: (string | null)[] = s.scenario.questions.map(() => null);
  for (const r of s.reflections ?? []) if (r.seat === seat && r.question < answers.length) answers[r.question] = r.text;
  return answers;
}

const NONE: Reflection[] = [];
const shownCache = new WeakMap<Reflection[], ShownReflection[]>();

/**
 * The answers as the class may see them: per question, the texts alone, in
 * alphabetical order (never in the order students wrote or sat), so nothing
 * ties an answer to a name. The same array while the answers are unchanged.
 */
export function shownReflections(s: SessionState): ShownReflection[] {
  const list = s.reflections ?? NONE;
  let shown = shownCache.get(list);
  if (!shown) {
    shown = s.scenario.questions.map((_q, question) => ({
      question,
      answers: list
        .filter((r) => r.question === question)
        .map((r) => r.text)
        .sort((x, y) => x.localeCompare(y)),
    }));
    shownCache.set(list, shown);
  }
  return shown;
}
