// Running the session: phase back/next, the timer, lock, announcements, end.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { PHASES, PHASE_TITLES } from "../../shared/phases.ts";
import { h, fill } from "../ui/dom.ts";
import { actionButton, actNear } from "../ui/act.ts";
import { tickTimer } from "../ui/timer.ts";
import { LIMITS } from "../../shared/limits.ts";

export function phaseControls(link: SessionLink): { el: HTMLElement; update(v: SessionView): void } {
  const steps = h("ol", { class: "phase-steps", "aria-label": "Phases" });
  const timer = h("span", { class: "big-timer", id: "host-timer" });
  tickTimer(
    timer,
    () => link.view?.timer,
    () => link.clock.now(),
  );
  const minutes = h("input", {
    type: "number",
    min: 0.5,
    max: 180,
    step: 0.5,
    id: "timer-minutes",
    "aria-label": "Minutes",
  });
  const buttons = h("div", { class: "row" });
  const el = h(
    "section",
    { class: "card", id: "phase-controls", "aria-labelledby": "phase-h" },
    h("h2", { id: "phase-h" }, "Phase and timer"),
    steps,
    h(
      "div",
      { class: "row" },
      actionButton(link, "◀ Back", () => ({ type: "phase.back" }), { cls: "", title: "Go back one phase" }),
      actionButton(link, "Next phase ▶", () => ({ type: "phase.next" }), {
        cls: "primary",
        title: "Move everyone to the next phase",
      }),
    ),
    h("p", {}, timer),
    buttons,
  );
  return {
    el,
    update(v) {
      fill(
        steps,
        ...PHASES.map((p) =>
          h(
            "li",
            { class: p === v.phase ? "current" : "", "aria-current": p === v.phase ? "step" : null },
            PHASE_TITLES[p],
          ),
        ),
      );
      const t = v.timer.state;
      const planned = v.scenario.phases.find((p) => p.phase === v.phase)?.minutes;
      minutes.placeholder = planned ? String(planned) : "";
      // Only the actions that apply now: start when no timer runs, else extend and pause (or resume).
      if (v.lesson?.adjourned) {
        // The clock waits for the next lesson: Reconvene (in the lesson plan panel) is the only way on.
        fill(buttons, h("p", { class: "muted", id: "timer-adjourned" }, "Adjourned: reconvene to run the clock."));
        return;
      }
      fill(
        buttons,
        ...(t === "off"
          ? [
              h(
                "label",
                { class: "inline" },
                "Minutes ",
                minutes,
                h("span", { class: "muted small" }, planned ? ` (leave empty for the plan's ${planned} min)` : ""),
              ),
              actionButton(
                link,
                v.phase === "briefing" ? "▶ Start the briefing" : "▶ Start timer",
                () => {
                  const m = Number(minutes.value);
                  return m > 0 ? { type: "timer.start", minutes: m } : { type: "timer.start" };
                },
                { cls: "primary" },
              ),
            ]
          : [
              actionButton(link, "+1 min", () => ({ type: "timer.extend", minutes: 1 })),
              actionButton(link, "+5 min", () => ({ type: "timer.extend", minutes: 5 })),
              t === "paused"
                ? actionButton(link, "Resume", () => ({ type: "timer.resume" }), { cls: "primary" })
                : actionButton(link, "Pause", () => ({ type: "timer.pause" })),
            ]),
      );
    },
  };
}

export function sessionControls(link: SessionLink): { el: HTMLElement; update(v: SessionView): void } {
  const text = h("textarea", {
    id: "announce-text",
    maxlength: LIMITS.announcement,
    placeholder: "A message to every screen",
    "aria-label": "Announcement",
  });
  const slot = h("p", { class: "action-error", role: "alert" });
  const send = h("button", { type: "button", class: "primary" }, "Broadcast");
  send.addEventListener("click", () => {
    if (text.value.trim())
      actNear(link, { type: "announce", text: text.value.trim() }, slot, () => {
        text.value = "";
      });
  });
  const lockSlot = h("div", {});
  const el = h(
    "section",
    { class: "card", id: "session-controls", "aria-labelledby": "session-h" },
    h("h2", { id: "session-h" }, "Session"),
    text,
    send,
    slot,
    lockSlot,
  );
  return {
    el,
    update(v) {
      fill(
        lockSlot,
        h(
          "div",
          { class: "row" },
          actionButton(link, v.locked ? "Unlock joining" : "Lock joining", () => ({
            type: "session.lock",
            locked: !v.locked,
          })),
        ),
        h(
          "p",
          { class: "muted" },
          v.locked ? "Joining is locked: no new delegates (seats can still come back)." : "Joining is open.",
        ),
      );
    },
  };
}

/** Ending and deleting, kept apart at the bottom of the console; each asks first. */
export function dangerControls(
  link: SessionLink,
  deleteButton: HTMLElement,
): { el: HTMLElement; update(v: SessionView): void } {
  const endSlot = h("div", {});
  const el = h(
    "section",
    { class: "card danger-zone", id: "danger-zone", "aria-labelledby": "danger-h" },
    h("h2", { id: "danger-h" }, "End or delete the session"),
    h("p", { class: "muted" }, "Each asks you to confirm first."),
    endSlot,
    deleteButton,
  );
  return {
    el,
    update(v) {
      fill(
        endSlot,
        v.ended
          ? h("p", {}, h("strong", {}, "Session ended."), " The exports and the debrief stay until you delete it.")
          : actionButton(
              link,
              "End session",
              () =>
                confirm("End the session for everyone? Students can no longer act.") ? { type: "session.end" } : null,
              { cls: "danger", title: "Stop the session for every student" },
            ),
      );
    },
  };
}
