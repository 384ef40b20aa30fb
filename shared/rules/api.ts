// The contract of the negotiation rules. The rules are pure: no colyseus,
// phaser, express or node:* import; the clock and any randomness come in
// through the context, so the journal can replay them exactly.
import type { ClientAction, RefusalCode } from "../protocol.ts";
import type { SessionState } from "../state.ts";
import type { DelegationId, SeatId } from "../ids.ts";
import type { Audience } from "../view.ts";

/** Who acts: a seat (the server takes it from the connection, never the payload), or the server itself. */
export type Actor = { kind: "seat"; seat: SeatId } | { kind: "system" };

/** Actions only the server issues, on behalf of a connection or a clock. */
export type SystemAction =
  | {
      type: "seat.join";
      role: "delegate" | "observer";
      name: string;
      delegation?: DelegationId;
    }
  /** A known seat's client came back (seat token, rejoin code or host key). */
  | { type: "seat.connect"; seat: SeatId; rekey?: boolean }
  /** The connection dropped; the seat is held for the client to come back. */
  | { type: "seat.disconnect"; seat: SeatId }
  /** The seat is given up: the client left for good, or the hold time passed. */
  | { type: "seat.leave"; seat: SeatId }
  /** The phase timer's deadline passed. */
  | { type: "timer.deadline" }
  /** Under consensus, a pending amendment's deadline for silent consent passed: it is decided now, not at the next vote. */
  | { type: "amendment.consent" }
  /** After a server restart: a running timer goes on with the time it had left when the server stopped. */
  | { type: "timer.restore"; remainingMs: number };

export type Command = ClientAction | SystemAction;

export interface Context {
  /** Milliseconds since the epoch, from the server's clock. */
  now: number;
  /**
   * Fresh secrets for actions that mint them (seat.join, seat.hand), drawn by the
   * server and journaled with the action. Only the token's SHA-256 reaches the
   * state: the raw token goes to its client alone, in the welcome message.
   */
  fresh?: { tokenHash: string; rejoinCode: string };
  /** The client's sequence number for a seat's action: an accepted action raises the seat's `lastSeq` to it. */
  clientSeq?: number;
}

/** Something that happened, for the clients that may know of it (toasts, sounds, animations). */
export interface GameEvent {
  type: string;
  /** Plain words for a toast or the timeline, e.g. "China tabled “Critical infrastructure off limits”". */
  text: string;
  audience: Audience[] | "all";
  [key: string]: unknown;
}

export type Result =
  { ok: true; state: SessionState; events: GameEvent[] } | { ok: false; code: RefusalCode; message: string };
