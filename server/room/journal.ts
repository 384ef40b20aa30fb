// One session's state and its journal, kept in step. Every accepted action is
// appended to the store (durable when append returns) before the new state is
// adopted, so nothing anyone is told about can be lost; a restart replays the
// same entries through the same rules and arrives at the same state.
import { applyAction, createSession } from "../../shared/rules/index.ts";
import type { Actor, Command, Context, Result } from "../../shared/rules/api.ts";
import type { SessionState } from "../../shared/state.ts";
import type { SessionStore, StoredSession } from "../store/types.ts";
import type { GroupCommit } from "../scale/group-commit.ts";

/** Entries between snapshots: a restore replays at most this many actions. */
const SNAPSHOT_EVERY = 200;

export class SessionJournal {
  private constructor(
    private readonly store: SessionStore,
    readonly code: string,
    public state: SessionState,
    private seq: number,
    private sinceSnapshot: number,
    /** With group commit, entries are staged and written at the end of the event-loop turn. */
    private readonly group?: GroupCommit,
  ) {}

  /** Runs `fn` once every action committed so far is on disk (at once without group commit). */
  afterDurable(fn: () => void): void {
    if (this.group) this.group.afterDurable(fn);
    else fn();
  }

  /** Writes what is staged now, before answering (joins): a no-op without group commit. */
  flush(): void {
    this.group?.flush();
  }

  /** Rebuilds a session from its latest snapshot and the entries after it. */
  static restore(store: SessionStore, stored: StoredSession, group?: GroupCommit): SessionJournal {
    let state = stored.snapshot?.state ?? createSession(stored.created);
    let seq = stored.snapshot?.seq ?? 0;
    for (const entry of stored.entries) {
      const result = applyAction(state, entry.actor, entry.command, entry.ctx);
      // An entry was accepted when it was written; the same rules accept it again.
      // If a rules change made one fail, skipping it keeps the rest of the class's work.
      if (result.ok) state = result.state;
      seq = entry.seq;
    }
    return new SessionJournal(store, stored.meta.code, state, seq, stored.entries.length, group);
  }

  /** Applies an action; when accepted it is journaled before the new state is kept. */
  commit(actor: Actor, command: Command, ctx: Context): Result {
    const result = applyAction(this.state, actor, command, ctx);
    if (!result.ok) return result;
    const entry = { seq: this.seq + 1, actor, command, ctx };
    if (this.group) {
      // Durable at the end of this turn; the room answers only after (afterDurable).
      this.group.stage(this.code, entry);
    } else {
      try {
        this.store.append(this.code, entry);
      } catch {
        return { ok: false, code: "INTERNAL", message: "The server could not save that just now. Please try again." };
      }
    }
    this.seq = entry.seq;
    this.state = result.state;
    if (++this.sinceSnapshot >= SNAPSHOT_EVERY) {
      this.sinceSnapshot = 0;
      const [seq, state] = [this.seq, this.state];
      this.afterDurable(() => {
        try {
          this.store.saveSnapshot(this.code, seq, state);
        } catch {
          // A snapshot only makes restores faster; the journal already holds the action.
        }
      });
    }
    return { ...result, state: this.state };
  }
}
