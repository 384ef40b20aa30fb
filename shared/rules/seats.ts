// Seats: joining, coming and going, heads of delegation, and the host's roster
// powers (move, make head, hand over, kick).
import { LIMITS } from "../limits.ts";
import { posesAsComputer } from "../bots/difficulty.ts";
import type { Seat, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";
import { accept, event, type ActionOf, type Handler } from "./context.ts";
import { delegationOf, mint, nameOf, seatOf } from "./lookup.ts";
import { refuse } from "./refuse.ts";
import { settleVotes } from "./settle.ts";
import { jobFor, withJob } from "./jobs.ts";

export const RESERVED_NAMES = new Set(["host", "teacher", "observer", "projector", "admin", "moderator"]);

export const cleanName = (name: string) => name.normalize("NFC").replace(/\s+/g, " ").trim();
export const sameName = (a: string, b: string) => cleanName(a).toLowerCase() === cleanName(b).toLowerCase();

const delegatesOf = (seats: readonly Seat[], delegation: DelegationId) =>
  seats.filter((x) => x.role === "delegate" && x.delegation === delegation);

/**
 * Every delegation's head is one of its delegates: the earliest to join when
 * the head left or moved, or null when nobody sits there (it abstains).
 * Keeps the old `heads` object when nothing changed.
 */
export function fixHeads(s: SessionState): SessionState {
  let heads = s.heads;
  for (const d of s.scenario.delegations) {
    const current = s.heads[d.id] ?? null;
    const members = delegatesOf(s.seats, d.id);
    if (current !== null && members.some((m) => m.id === current)) continue;
    const earliest = [...members].sort((x, y) => x.joinedAt - y.joinedAt)[0]?.id ?? null;
    if (earliest !== current) heads = { ...heads, [d.id]: earliest };
  }
  return heads === s.heads ? s : { ...s, heads };
}

/** The delegation with the fewest delegates, ties broken by scenario order. */
function emptiestDelegation(s: SessionState): DelegationId {
  const counts = s.scenario.delegations.map((d) => ({ id: d.id, n: delegatesOf(s.seats, d.id).length }));
  counts.sort((x, y) => x.n - y.n); // stable: scenario order among equals
  return counts[0]!.id;
}

export const seatJoin: Handler<ActionOf<"seat.join">> = (s, a, w) => {
  if (!w.fresh) return refuse("INTERNAL", "The server did not give the new seat its secrets. Please try again.");
  const full = () => refuse("SESSION_FULL", `This session is full (${LIMITS.seatsPerSession} seats).`);
  const { id, nextId } = mint(s, "s");
  if (a.role === "observer") {
    if (s.seats.length >= LIMITS.seatsPerSession) return full();
    const seat: Seat = {
      id,
      name: cleanName(a.name) || "Projector",
      role: "observer",
      delegation: null,
      token: w.fresh.tokenHash,
      rejoinCode: w.fresh.rejoinCode,
      connected: true,
      joinedAt: w.t,
      lastSeq: 0,
    };
    return accept({ ...s, nextId, seats: [...s.seats, seat] }, [
      event("seat.join", `${seat.name} is watching.`, { seat: id }, [{ kind: "host" }]),
    ]);
  }
  const name = cleanName(a.name);
  if (s.locked)
    return refuse("LOCKED", "The host has locked this session: no new delegates can join. Ask the host to unlock it.");
  if (
    name.length === 0 ||
    name.length > LIMITS.displayName ||
    RESERVED_NAMES.has(name.toLowerCase()) ||
    posesAsComputer(name)
  )
    return refuse("NAME_NOT_ALLOWED", `"${name}" can't be used as a name here. Pick another display name.`);
  if (s.seats.some((x) => x.role === "delegate" && sameName(x.name, name)))
    return refuse("NAME_TAKEN", `Someone here is already called "${name}". Pick another display name.`);
  if (s.seats.length >= LIMITS.seatsPerSession) return full();
  if (a.delegation !== undefined && !delegationOf(s, a.delegation))
    return refuse("UNKNOWN_DELEGATION", "That delegation is not in this scenario. Pick one from the list.");
  const delegation = a.delegation ?? emptiestDelegation(s);
  const seat: Seat = {
    id,
    name,
    role: "delegate",
    delegation,
    token: w.fresh.tokenHash,
    rejoinCode: w.fresh.rejoinCode,
    connected: true,
    joinedAt: w.t,
    lastSeq: 0,
  };
  const next = withJob(fixHeads({ ...s, nextId, seats: [...s.seats, seat] }), id);
  const head = next.heads[delegation] === id ? " as head of delegation" : "";
  return accept(next, [
    event("seat.join", `${name} joined ${nameOf(s, delegation)}${head}.`, { seat: id, delegation }),
  ]);
};

function setConnected(connected: boolean): Handler<{ seat: string }> {
  return (s, a) => {
    const seat = seatOf(s, a.seat);
    if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
    const seats = seat.connected === connected ? s.seats : s.seats.map((x) => (x === seat ? { ...x, connected } : x));
    const text = `${seat.name} is ${connected ? "back online" : "offline"}.`;
    return accept({ ...s, seats }, [event(connected ? "seat.connect" : "seat.disconnect", text, { seat: seat.id })]);
  };
}
/**
 * A seat's client is back. With `rekey` (a student taking the seat on a new
 * device with the rejoin code the host read out) the seat also gets a new
 * token, so that device can come back by itself after a reload.
 */
export const seatConnect: Handler<ActionOf<"seat.connect">> = (s, a, w) => {
  if (!a.rekey) return setConnected(true)(s, a, w);
  if (!w.fresh) return refuse("INTERNAL", "The server did not give the seat new secrets. Please try again.");
  const seat = seatOf(s, a.seat);
  if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
  const rekeyed: Seat = { ...seat, token: w.fresh.tokenHash, connected: true };
  return accept({ ...s, seats: s.seats.map((x) => (x === seat ? rekeyed : x)) }, [
    event("seat.connect", `${seat.name} is back online on another device.`, { seat: seat.id }),
  ]);
};
export const seatDisconnect = setConnected(false);

/** Removes a seat, fixes heads, and decides any vote that was only waiting for that seat's delegation. */
export function removeSeat(s: SessionState, seatId: string, t: number) {
  return settleVotes(fixHeads({ ...s, seats: s.seats.filter((x) => x.id !== seatId) }), t);
}

const notHostSeat = (verb: string) =>
  refuse("NOT_DELEGATE", `The host's seat can't be ${verb}: it stays for the whole session.`);

export const seatLeave: Handler<ActionOf<"seat.leave">> = (s, a, w) => {
  const seat = seatOf(s, a.seat);
  if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
  if (seat.role === "host") return notHostSeat("given up");
  const { state, events } = removeSeat(s, seat.id, w.t);
  return accept(state, [event("seat.leave", `${seat.name} left.`, { seat: seat.id }), ...events]);
};

export const seatKick: Handler<ActionOf<"seat.kick">> = (s, a, w) => {
  const seat = seatOf(s, a.seat);
  if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
  if (seat.role === "host") return notHostSeat("removed");
  const { state, events } = removeSeat(s, seat.id, w.t);
  return accept(state, [event("seat.kick", `The host removed ${seat.name}.`, { seat: seat.id }), ...events]);
};

function delegateSeat(s: SessionState, id: string) {
  const seat = seatOf(s, id);
  if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
  if (seat.role !== "delegate" || !seat.delegation) return refuse("NOT_DELEGATE", `${seat.name} is not a delegate.`);
  return { seat, delegation: seat.delegation };
}

const playedByComputer = (seat: Seat) =>
  refuse(
    "NOT_DELEGATE",
    `${seat.name} is played by the computer: switch the computer off for that delegation instead.`,
  );

export const seatMove: Handler<ActionOf<"seat.move">> = (s, a, w) => {
  const found = delegateSeat(s, a.seat);
  if ("ok" in found) return found;
  if (found.seat.computer) return playedByComputer(found.seat);
  if (!delegationOf(s, a.delegation)) return refuse("UNKNOWN_DELEGATION", "That delegation is not in this scenario.");
  if (found.delegation === a.delegation)
    return refuse("SAME_DELEGATION", `${found.seat.name} already sits with ${nameOf(s, a.delegation)}.`);
  const seats = s.seats.map((x) => (x === found.seat ? { ...x, delegation: a.delegation } : x));
  const { state, events } = settleVotes(withJob(fixHeads({ ...s, seats }), found.seat.id), w.t);
  const text = `The host moved ${found.seat.name} from ${nameOf(s, found.delegation)} to ${nameOf(s, a.delegation)}.`;
  return accept(state, [
    event("seat.move", text, { seat: found.seat.id, from: found.delegation, delegation: a.delegation }),
    ...events,
  ]);
};

export const seatMakeHead: Handler<ActionOf<"seat.makeHead">> = (s, a) => {
  const found = delegateSeat(s, a.seat);
  if ("ok" in found) return found;
  if (s.heads[found.delegation] === found.seat.id)
    return refuse("ALREADY_DONE", `${found.seat.name} is already head of ${nameOf(s, found.delegation)}.`);
  const text = `${found.seat.name} is now head of ${nameOf(s, found.delegation)}.`;
  // The old head takes over the new head's job, so no job falls vacant.
  const old = s.heads[found.delegation];
  const seats = s.seats.map((x) =>
    x.id === old ? { ...x, job: found.seat.job ?? jobFor(s, found.delegation, x.id) } : x,
  );
  return accept({ ...s, seats, heads: { ...s.heads, [found.delegation]: found.seat.id } }, [
    event("seat.makeHead", text, { seat: found.seat.id, delegation: found.delegation }),
  ]);
};

export const seatHand: Handler<ActionOf<"seat.hand">> = (s, a, w) => {
  if (!w.fresh) return refuse("INTERNAL", "The server did not give the seat new secrets. Please try again.");
  const seat = seatOf(s, a.seat);
  if (!seat) return refuse("UNKNOWN_SEAT", "That seat is not in this session.");
  if (seat.role === "host") return notHostSeat("handed over");
  if (seat.computer) return playedByComputer(seat);
  // A new token and rejoin code: the old device loses the seat, the new person starts counting actions from 1.
  const handed: Seat = {
    ...seat,
    token: w.fresh.tokenHash,
    rejoinCode: w.fresh.rejoinCode,
    connected: false,
    lastSeq: 0,
  };
  return accept({ ...s, seats: s.seats.map((x) => (x === seat ? handed : x)) }, [
    event("seat.hand", `The host handed ${seat.name}'s seat to someone else.`, { seat: seat.id }),
  ]);
};
