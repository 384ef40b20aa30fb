// The phase timer as everyone sees it, ticking locally between views on the
// server's clock (see net/server-clock.ts), never on the device's alone.
import type { Timer } from "../../shared/state.ts";

export function remainingMs(timer: Timer, now = Date.now()): number | null {
  if (timer.state === "running") return Math.max(0, timer.endsAt - now);
  if (timer.state === "paused") return timer.remainingMs;
  if (timer.state === "expired") return 0;
  return null;
}

export function timerText(timer: Timer, now = Date.now()): string {
  const ms = remainingMs(timer, now);
  if (ms === null) return "No timer";
  const s = Math.ceil(ms / 1000);
  const clock = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  if (timer.state === "paused") return `${clock} (paused)`;
  if (timer.state === "expired" || ms === 0) return "Time is up";
  return clock;
}

/** Keeps an element's text on the current timer; returns a stop function. */
export function tickTimer(el: HTMLElement, getTimer: () => Timer | undefined, now: () => number): () => void {
  // Only a changed text is written: an unchanged one would still cost the page a layout and a paint.
  // One text node, its words changed in place: setting textContent would put a new node (and a new
  // layout object) in the top bar every second of the lesson.
  const words = document.createTextNode("");
  el.replaceChildren(words);
  const draw = () => {
    const t = getTimer();
    const text = t ? timerText(t, now()) : "";
    const state = t?.state ?? "off";
    if (words.data !== text) words.data = text;
    if (el.dataset.state !== state) el.dataset.state = state;
  };
  draw();
  const id = setInterval(draw, 500);
  return () => clearInterval(id);
}
