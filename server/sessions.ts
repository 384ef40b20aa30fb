// Sessions as the HTTP side sees them: create one (mint its code and host key,
// record it, open its room), wake one that is stored but not loaded, restore
// every unfinished one at start, delete one. Creation and restore are one
// path: the room always builds its state from the store.
import { matchMaker } from "colyseus";
import type { Scenario } from "../shared/scenario.ts";
import type { ClientAction } from "../shared/protocol.ts";
import type { Lesson } from "../shared/presets.ts";
import type { SessionState } from "../shared/state.ts";
import { mintRejoinCode, mintSecret, mintSessionCode, sha256Hex } from "./secrets.ts";
import type { LiveSession, RoomDeps } from "./room/deps.ts";
import type { StoredSession } from "./store/types.ts";

export const ROOM_NAME = "session";

export class SessionService {
  private readonly waking = new Map<string, Promise<LiveSession | null>>();

  constructor(private readonly deps: RoomDeps) {
    deps.preloaded ??= new Map();
  }

  /** Records a new session and opens its room. Nothing is left behind if either step fails. */
  async create(
    scenario: Scenario,
    now = this.deps.now(),
    hostActions: readonly ClientAction[] = [],
    lesson?: Lesson,
    // A class's tables share its host key (server/classes): the one key opens every table's console.
    hostKey = mintSecret(),
  ): Promise<{ code: string; hostKey: string }> {
    const code = this.freshCode();
    const created = {
      scenario,
      code,
      now,
      hostTokenHash: sha256Hex(hostKey),
      hostRejoinCode: mintRejoinCode(),
      ...(lesson ? { lesson } : {}),
    };
    this.deps.store.create(created, {
      code,
      scenarioId: scenario.id,
      title: scenario.title,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.open(code);
      if (hostActions.length > 0) {
        const setup = this.deps.rooms.get(code)?.hostSetup(hostActions);
        if (setup && !setup.ok) throw new Error(setup.message);
      }
    } catch (e) {
      this.deps.store.delete(code);
      throw e;
    }
    return { code, hostKey };
  }

  /** The live room of a session, opening it from the store if it is stored but not loaded; null if unknown. */
  async wake(code: string): Promise<LiveSession | null> {
    const live = this.deps.rooms.get(code);
    if (live) return live;
    const pending = this.waking.get(code);
    if (pending) return pending;
    const opening = (async () => {
      const stored = this.deps.store.load(code);
      if (!stored) return null;
      await this.open(code, stored);
      return this.deps.rooms.get(code) ?? null;
    })().finally(() => this.waking.delete(code));
    this.waking.set(code, opening);
    return opening;
  }

  /** Whether a room for this code lives on any process (with Redis, possibly another one). */
  async existsAnywhere(code: string): Promise<boolean> {
    if (this.deps.rooms.has(code)) return true;
    return (await matchMaker.query({ roomId: code })).length > 0;
  }

  /** At start: reopen every stored session that has not ended, each read from the store once. Returns how many. */
  async restoreAll(): Promise<number> {
    let count = 0;
    for (const meta of this.deps.store.list()) {
      if (this.deps.rooms.has(meta.code)) continue;
      const stored = this.deps.store.load(meta.code);
      if (!stored) continue;
      const ended =
        stored.snapshot?.state.ended === true || stored.entries.some((e) => e.command.type === "session.end");
      if (ended) continue;
      try {
        await this.open(meta.code, stored);
        count++;
      } catch (e) {
        this.deps.log.error({ session: meta.code, err: (e as Error).message }, "session could not be restored");
      }
    }
    return count;
  }

  /** Deletes a session at once: clients are told, the room closes, the journal is gone. */
  async delete(code: string): Promise<void> {
    const live = this.deps.rooms.get(code);
    if (live) await live.closeWith("session-deleted", "The host has deleted this session.");
    this.deps.store.delete(code);
    this.deps.log.info({ session: code }, "session deleted");
  }

  async state(code: string): Promise<SessionState | null> {
    return (await this.wake(code))?.sessionState() ?? null;
  }

  /** Opens the session's room; `stored` is handed to it when already read, so it is not read again. */
  private async open(code: string, stored?: StoredSession): Promise<void> {
    if (stored) this.deps.preloaded!.set(code, stored);
    try {
      await matchMaker.createRoom(ROOM_NAME, { code });
    } finally {
      this.deps.preloaded!.delete(code);
    }
  }

  /** Codes used by something other than a session (a class's code): a new session never takes one. */
  otherCodeTaken: (code: string) => boolean = () => false;

  /** A code no live or stored session, nor anything else, uses. */
  freshCode(): string {
    // 23^6 ≈ 148 million codes: a clash is rare, but a stored or live one must never be reused.
    for (;;) {
      const code = mintSessionCode();
      if (!this.deps.rooms.has(code) && !this.otherCodeTaken(code) && !this.deps.store.load(code)) return code;
    }
  }
}
