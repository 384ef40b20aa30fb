// What a session room needs from the server around it. The matchmaker builds
// rooms itself, so these arrive through a subclass made by the app (one
// server per process: the matchmaker is a module singleton).
import type { StoredSession } from "../store/types.ts";
import type { SessionState } from "../../shared/state.ts";
import type { ClientAction } from "../../shared/protocol.ts";
import type { SessionDeps } from "./session.ts";

/** What the HTTP side may do with a live room. */
export interface LiveSession {
  readonly code: string;
  sessionState(): SessionState;
  /** Host actions the server takes for the host when the session is made (computer delegations, the computer chair). */
  hostSetup(actions: readonly ClientAction[]): { ok: true } | { ok: false; message: string };
  /** Tells every client why, then closes the room (seats are kept in the store). */
  closeWith(kind: "restarting" | "session-deleted", message: string): Promise<void>;
}

/** The session's own needs (session.ts), less the timers (the room's clock), plus the room's. */
export interface RoomDeps extends Omit<SessionDeps, "scheduler"> {
  /** Live rooms by session code. */
  rooms: Map<string, LiveSession>;
  /** Sessions already read from the store by whoever opens the room, so it is not read again. */
  preloaded?: Map<string, StoredSession>;
}
