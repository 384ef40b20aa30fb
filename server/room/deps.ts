// What a session room needs from the server around it. The matchmaker builds
// rooms itself, so these arrive through a subclass made by the app (one
// server per process: the matchmaker is a module singleton).
import type { SessionStore } from "../store/types.ts";
import type { RateSettings } from "../limits/rate.ts";
import type { JoinLimits } from "../limits/joins.ts";
import type { SessionState } from "../../shared/state.ts";
import type { ClientAction, ServerMessage } from "../../shared/protocol.ts";
import type { GroupCommit } from "../scale/group-commit.ts";

/** What the HTTP side may do with a live room. */
export interface LiveSession {
  readonly code: string;
  sessionState(): SessionState;
  /** Host actions the server takes for the host when the session is made (computer delegations, the computer chair). */
  hostSetup(actions: readonly ClientAction[]): { ok: true } | { ok: false; message: string };
  /** Tells every client why, then closes the room (seats are kept in the store). */
  closeWith(kind: "restarting" | "session-deleted", message: string): Promise<void>;
}

export interface RoomDeps {
  store: SessionStore;
  /** How long a dropped seat is held for its client to come back. */
  holdMs: { delegate: number; host: number };
  rate: RateSettings;
  /** The limits on guessing rejoin codes (server/limits/joins.ts). */
  joinLimits: JoinLimits;
  /** When the previous server process was last known alive (running timers resume from there). */
  lastSeen: number | null;
  /** Live rooms by session code. */
  rooms: Map<string, LiveSession>;
  log(line: string): void;
  /** The server clock (ms since epoch); tests may move it forward. */
  now(): number;
  /** How fast computer delegations act: 1 is a person's pace, 0.001 a test's (server/bots/scheduler.ts). */
  botPace?: number;
  /** Tests: sees every message a computer delegation's seat receives. */
  botTap?: (seat: string, message: ServerMessage) => void;
  /** Journal entries of all rooms committed together once per event-loop turn (server/scale/group-commit.ts). */
  group?: GroupCommit;
}
