// The lesson around the game: adjourning between two periods, and the host
// renaming a seat (a name the class should not see, or a typo).
import { DEFAULT_LESSON } from "../presets.ts";
import type { Timer } from "../state.ts";
import { accept, event, logged, type ActionOf, type Handler } from "./context.ts";
import { seatOf } from "./lookup.ts";
import { refuse } from "./refuse.ts";
import { RESERVED_NAMES, cleanName, sameName } from "./seats.ts";

export const sessionAdjourn: Handler<ActionOf<"session.adjourn">> = (s, a, w) => {
  const lesson = s.lesson ?? DEFAULT_LESSON;
  if ((lesson.adjourned ?? false) === a.adjourned)
    return refuse("ALREADY_DONE", a.adjourned ? "The session is already adjourned." : "The session is not adjourned.");
  // The clock stops with the lesson and starts again where it stopped.
  let timer: Timer = s.timer;
  if (a.adjourned && timer.state === "running")
    timer = { state: "paused", remainingMs: Math.max(0, timer.endsAt - w.t), durationMs: timer.durationMs };
  else if (!a.adjourned && timer.state === "paused")
    timer = { state: "running", endsAt: w.t + timer.remainingMs, durationMs: timer.durationMs };
  const text = a.adjourned
    ? "The host adjourned the session until the next lesson. Everything is kept, your seat included: open the same join link next time."
    : "The session is back in session. Welcome back!";
  return accept(
    {
      ...s,
      timer,
      lesson: { ...lesson, adjourned: a.adjourned },
      timeline: logged(s, w.t, "session", a.adjourned ? "The session adjourned" : "The session reconvened"),
    },
    [event("session.adjourn", text, { adjourned: a.adjourned, timer })],
  );
};

export const seatRename: Handler<ActionOf<"seat.rename">> = (s, a) => {
  const seat = seatOf(s, a.seat);
  if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
  if (seat.role !== "delegate") return refuse("NOT_DELEGATE", "Only a delegate's seat can be renamed.");
  const name = cleanName(a.name);
  if (RESERVED_NAMES.has(name.toLowerCase()))
    return refuse("NAME_NOT_ALLOWED", `"${name}" can't be used as a name here. Pick another display name.`);
  if (seat.name === name) return refuse("NO_CHANGE", `That seat is already called "${name}".`);
  if (s.seats.some((x) => x !== seat && x.role === "delegate" && sameName(x.name, name)))
    return refuse("NAME_TAKEN", `Someone here is already called "${name}". Pick another display name.`);
  const seats = s.seats.map((x) => (x === seat ? { ...x, name } : x));
  return accept({ ...s, seats }, [
    event("seat.rename", `The host renamed a seat: now ${name}.`, { seat: seat.id, name }),
  ]);
};
