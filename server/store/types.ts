// The durable store behind every session. The room appends each accepted
// action here before anyone is told of it; a restart replays the journal
// (from the latest snapshot) through the rules to rebuild each session.
import type { Actor, Command, Context } from "../../shared/rules/api.ts";
import type { SessionState } from "../../shared/state.ts";
import type { CreateSessionInput } from "../../shared/rules/session.ts";

export interface SessionMeta {
  code: string;
  scenarioId: string;
  title: string;
  createdAt: number;
  /** Updated with every append: retention deletes sessions idle for too long. */
  updatedAt: number;
}

export interface JournalEntry {
  /** 1, 2, 3, ... per session, with no gaps. */
  seq: number;
  actor: Actor;
  command: Command;
  ctx: Context;
}

export interface StoredSession {
  meta: SessionMeta;
  /** The scenario and parameters the session was created with (createSession's input). */
  created: CreateSessionInput;
  snapshot: { seq: number; state: SessionState } | null;
  /** Entries after the snapshot (all of them if there is none), in order. */
  entries: JournalEntry[];
}

/**
 * A class: several tables (sessions) hosted together under one class code.
 * The host key of the class is each table's host key; only its hash is kept.
 */
export interface ClassRecord {
  code: string;
  /** Hex SHA-256 of the class's host key (the same key opens each table's console). */
  hostTokenHash: string;
  title: string;
  /** The tables' session codes, in table order (Table 1 first). */
  tables: string[];
  createdAt: number;
  /** The host showed the compared debrief before every table reached the debrief. */
  compareShown: boolean;
}

export interface SessionStore {
  /** Records a new session. Durable when it returns. */
  create(created: StoredSession["created"], meta: SessionMeta): void;
  /** Appends one accepted action. Durable (committed) when it returns. */
  append(code: string, entry: JournalEntry): void;
  /**
   * Appends the entries of several sessions in one durable commit (one fsync),
   * all or none. Optional: without it, group commit appends one by one.
   */
  appendBatch?(items: readonly { code: string; entry: JournalEntry }[]): void;
  saveSnapshot(code: string, seq: number, state: SessionState): void;
  load(code: string): StoredSession | null;
  list(): SessionMeta[];
  /** Every entry of a session from the start (for exports and the debrief timeline). */
  entries(code: string): JournalEntry[];
  delete(code: string): void;
  /** Records a class, or replaces the record of one with the same code. Durable when it returns. */
  saveClass(record: ClassRecord): void;
  loadClass(code: string): ClassRecord | null;
  listClasses(): ClassRecord[];
  deleteClass(code: string): void;
  /** Deletes sessions not updated since `before` (ms since epoch); returns their codes. */
  deleteIdleSince(before: number): string[];
  close(): void;
}
