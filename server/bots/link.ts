// What a computer delegation needs from its session: to be a seat's client
// without a socket. It sends raw action messages (parsed, limited, ruled and
// journaled like a student's) and receives the same server messages a
// student's client of that seat would: the seat's audience's views, patches,
// events, acks and errors.
import type { Log } from "../log.ts";
import type { ServerMessage } from "../../shared/protocol.ts";
import type { SessionState } from "../../shared/state.ts";

export interface SeatLink {
  /** Sends one `act` message, exactly as a client would put it on the wire. */
  act(raw: unknown): void;
  /** Asks for the whole view again (after a gap in the patches). */
  resync(): void;
  /** Stops receiving: the seat is no longer played through this link. */
  close(): void;
}

export interface BotRoom {
  readonly code: string;
  state(): SessionState;
  /**
   * Attaches a client to a seat. `counted`: its sequence numbers are the
   * seat's own (a computer delegation); the chair shares the host's seat, so
   * its actions must not move the host's counter.
   */
  attach(seat: string, receive: (message: ServerMessage) => void, counted: boolean): SeatLink;
  log: Log;
}
