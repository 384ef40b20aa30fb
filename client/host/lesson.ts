// The lesson panel: the plan the session was hosted with (preset and minutes
// per phase), what the debrief will show, and adjourning between two periods
// with the steps to come back days later.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { h, fill } from "../ui/dom.ts";
import { actionButton } from "../ui/act.ts";
import { PHASES, PHASE_TITLES } from "../../shared/phases.ts";
import { presetDefinition } from "../../shared/presets.ts";

export function lessonPanel(link: SessionLink, hostUrl: string): { el: HTMLElement; update(v: SessionView): void } {
  const body = h("div", {});
  const el = h(
    "section",
    { class: "card", id: "lesson", "aria-labelledby": "lesson-h" },
    h("h2", { id: "lesson-h" }, "Lesson plan"),
    body,
  );
  return {
    el,
    update(v) {
      const lesson = v.lesson ?? { preset: null, pauseAfter: null, revealChannels: true };
      const preset = lesson.preset ? presetDefinition(lesson.preset) : null;
      const total = v.scenario.phases.reduce((a, p) => a + p.minutes, 0);
      const pauseAt = lesson.pauseAfter ? PHASES.indexOf(lesson.pauseAfter) : -1;
      const twoPeriods = pauseAt >= 0;
      const atBreak = twoPeriods && PHASES.indexOf(v.phase) === pauseAt;
      fill(
        body,
        h("p", {}, h("strong", {}, preset ? preset.title : "The scenario's own plan"), ` — ${total} minutes of phases`),
        h(
          "ol",
          { class: "lesson-plan" },
          ...v.scenario.phases.map((p, i) =>
            h(
              "li",
              { class: p.phase === v.phase ? "current" : "" },
              `${PHASE_TITLES[p.phase]}: ${p.minutes} min`,
              i === pauseAt ? h("strong", {}, " — end of the first period") : "",
            ),
          ),
        ),
        h(
          "p",
          { class: "muted", id: "reveal-setting" },
          lesson.revealChannels
            ? "At the debrief every team and private channel is shown to the class (students were told)."
            : "At the debrief team and private channels stay with their members: the class does not see them.",
        ),
        v.lesson?.adjourned
          ? h(
              "div",
              { class: "notice adjourned", id: "adjourned", role: "status" },
              h(
                "p",
                {},
                h("strong", {}, "Adjourned until the next lesson."),
                " Every seat is kept, however long it takes.",
              ),
              comeBack(hostUrl),
              actionButton(link, "Reconvene ▶", () => ({ type: "session.adjourn", adjourned: false }), {
                cls: "primary",
                title: "Start again where you stopped: the timer runs on",
              }),
            )
          : h(
              "div",
              { class: twoPeriods ? "notice" : "", id: "adjourn-box" },
              twoPeriods
                ? h(
                    "p",
                    {},
                    atBreak
                      ? h("strong", {}, "This is the end of the first period. ")
                      : `This lesson stops after ${PHASE_TITLES[lesson.pauseAfter!]}. `,
                    "When the bell rings, adjourn: the timer stops and every seat is kept until you reconvene.",
                  )
                : h("p", { class: "muted" }, "Running out of time? Adjourn, and carry on in another lesson."),
              actionButton(link, "Adjourn until next lesson", () => ({ type: "session.adjourn", adjourned: true }), {
                cls: atBreak ? "primary" : "",
                title: "Stop the clock and keep every seat until you reconvene",
              }),
            ),
      );
    },
  };
}

/** How to pick up again days later. */
function comeBack(hostUrl: string): HTMLElement {
  return h(
    "ol",
    { class: "come-back" },
    h(
      "li",
      {},
      "Bookmark this console now (its link is your host key): ",
      h("code", {}, hostUrl.replace(/#.*/, "#key=…")),
    ),
    h(
      "li",
      {},
      "You can close the laptop or stop the server: everything is saved. Next time start Accord the same way (npm start).",
    ),
    h(
      "li",
      {},
      "Students open the same join link on the same device and are back in their seat; on another device they use the rejoin code shown in the roster.",
    ),
    h("li", {}, "Press Reconvene when the class is back: the timer runs on from where it stopped."),
  );
}
