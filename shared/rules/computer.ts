// Computer delegations: the host switches the computer on for a delegation
// (a seat the server plays by the delegation's brief) and off again, when a
// student arrives to take the delegation over; and lets the computer chair a
// session (practice alone). The seat is an ordinary delegate seat, marked.
import { LIMITS } from "../limits.ts";
import type { Seat, SessionState } from "../state.ts";
import { computerSeatName } from "../bots/difficulty.ts";
import { accept, event, logged, type ActionOf, type Handler } from "./context.ts";
import { delegationOf, mint } from "./lookup.ts";
import { refuse } from "./refuse.ts";
import { fixHeads, removeSeat } from "./seats.ts";

/** The computer's seat in a delegation, if the computer plays it. */
const computerSeatOf = (s: SessionState, delegation: string): Seat | undefined =>
  s.seats.find((x) => x.computer !== undefined && x.delegation === delegation);

export const computerOn: Handler<ActionOf<"computer.on">> = (s, a, w) => {
  const delegation = delegationOf(s, a.delegation);
  if (!delegation) return refuse("UNKNOWN_DELEGATION", "That delegation is not in this scenario.");
  const existing = computerSeatOf(s, delegation.id);
  if (existing) {
    if (existing.computer === a.difficulty)
      return refuse("ALREADY_DONE", `The computer already plays ${delegation.name} (${a.difficulty}).`);
    const seats = s.seats.map((x) => (x === existing ? { ...x, computer: a.difficulty } : x));
    const text = `The computer now plays ${delegation.name} ${a.difficulty}`;
    return accept({ ...s, seats, timeline: logged(s, w.t, "computer", text, { delegation: delegation.id }) }, [
      event("computer.on", `${text}.`, { delegation: delegation.id, difficulty: a.difficulty }),
    ]);
  }
  if (!w.fresh) return refuse("INTERNAL", "The server did not give the new seat its secrets. Please try again.");
  if (s.seats.length >= LIMITS.seatsPerSession)
    return refuse("SESSION_FULL", `This session is full (${LIMITS.seatsPerSession} seats).`);
  const { id, nextId } = mint(s, "s");
  const seat: Seat = {
    id,
    name: computerSeatName(delegation.name),
    role: "delegate",
    delegation: delegation.id,
    token: w.fresh.tokenHash,
    rejoinCode: w.fresh.rejoinCode,
    connected: true,
    joinedAt: w.t,
    lastSeq: 0,
    computer: a.difficulty,
  };
  const next = fixHeads({ ...s, nextId, seats: [...s.seats, seat] });
  const text = `The computer plays ${delegation.name} (${a.difficulty})`;
  return accept({ ...next, timeline: logged(s, w.t, "computer", text, { delegation: delegation.id }) }, [
    event("computer.on", `${text}.`, { seat: id, delegation: delegation.id, difficulty: a.difficulty }),
  ]);
};

export const computerOff: Handler<ActionOf<"computer.off">> = (s, a, w) => {
  const delegation = delegationOf(s, a.delegation);
  if (!delegation) return refuse("UNKNOWN_DELEGATION", "That delegation is not in this scenario.");
  const seat = computerSeatOf(s, delegation.id);
  if (!seat) return refuse("ALREADY_DONE", `The computer does not play ${delegation.name}.`);
  const { state, events } = removeSeat(s, seat.id, w.t);
  // The delegation's stances and votes are its own, not the seat's: a student already seated carries them on.
  const head = state.heads[delegation.id];
  const heir = head ? state.seats.find((x) => x.id === head) : undefined;
  const text = heir
    ? `The computer handed ${delegation.name} over to ${heir.name}`
    : `The computer no longer plays ${delegation.name}`;
  return accept({ ...state, timeline: logged(state, w.t, "computer", text, { delegation: delegation.id }) }, [
    event("computer.off", `${text}.`, { seat: seat.id, delegation: delegation.id }),
    ...events,
  ]);
};

export const chairAuto: Handler<ActionOf<"chair.auto">> = (s, a) => {
  if ((s.autoChair ?? false) === a.on)
    return refuse("ALREADY_DONE", a.on ? "The computer already chairs this session." : "You already chair it.");
  const text = a.on
    ? "The computer chairs the session: phases move on by themselves."
    : "The host chairs the session again.";
  return accept({ ...s, autoChair: a.on }, [event("chair.auto", text, { on: a.on })]);
};
