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
    placeholder: "plan",
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
      const start = actionButton(
        link,
        t === "off" && v.phase === "briefing" ? "▶ Start the briefing" : "▶ Start timer",
        () => {
          const m = Number(minutes.value);
          return m > 0 ? { type: "timer.start", minutes: m } : { type: "timer.start" };
        },
        { cls: "primary" },
      );
      fill(
        buttons,
        h("label", { class: "inline" }, "Minutes ", minutes),
        start,
        actionButton(link, "+1 min", () => ({ type: "timer.extend", minutes: 1 }), { disabled: t === "off" }),
        actionButton(link, "+5 min", () => ({ type: "timer.extend", minutes: 5 }), { disabled: t === "off" }),
        t === "paused"
          ? actionButton(link, "Resume", () => ({ type: "timer.resume" }))
          : actionButton(link, "Pause", () => ({ type: "timer.pause" }), { disabled: t !== "running" }),
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
          v.ended
            ? h("strong", {}, "Session ended")
            : actionButton(
                link,
                "End session",
                () => (confirm("End the session for everyone?") ? { type: "session.end" } : null),
                { cls: "danger" },
              ),
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
