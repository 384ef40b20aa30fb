// What a session needs from the world around it, kept small so the session
// runs the same behind Colyseus, in a unit test with fake sockets and a fake
// clock, or behind any other transport.
import type { ServerMessage } from "../../shared/protocol.ts";

/** One client's connection to a session. */
export interface Connection {
  /** Stable for the connection's life, reconnections within a seat hold included. */
  readonly id: string;
  send(message: ServerMessage): void;
  /** Ends the connection; `reason` is at most 123 bytes (a WebSocket close reason). */
  close(code: number, reason?: string): void;
}

export interface Cancel {
  clear(): void;
}

/** Timers on the server clock; tests drive them by hand. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): Cancel;
  setInterval(run: () => void, ms: number): Cancel;
}

/**
 * Close codes a session uses. 4000 is Colyseus's "consented leave": the
 * client does not try to reconnect (its seat was taken over, handed, or it
 * was removed; a notice has told it why).
 */
export const CLOSE = { letGo: 4000 } as const;
