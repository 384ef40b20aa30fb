// The SQLite journal behind every session (better-sqlite3, synchronous).
// WAL with synchronous=FULL: when `append` returns, the entry is on disk and
// survives a kill -9 or a power cut; only then may the room tell anyone.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { SessionState } from "../../shared/state.ts";
import type { ClassRecord, JournalEntry, SessionMeta, SessionStore, StoredSession } from "./types.ts";
import { SQLITE_SCHEMA } from "./sqlite-schema.ts";

export const DB_FILE = "accord.db";

/**
 * The store plus the process heartbeat. After a kill -9 nobody could write
 * "stopped at"; the heartbeat (touched every few seconds by
 * `startHeartbeat`, and once more on close) says when the process was last
 * alive, so a restore knows how long a running timer had left.
 */
export interface SqliteSessionStore extends SessionStore {
  /** Records that the process named `process` is alive at `now` (ms since epoch). */
  heartbeat(now: number, process?: string): void;
  /** When the process named `process` was last known alive, or null if never. */
  lastSeen(process?: string): number | null;
  /** The path of the database file. */
  readonly file: string;
}

export const DEFAULT_PROCESS = "server";

export function openSqliteStore(dataDir: string): SqliteSessionStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // Another process (a second server on the same folder, a backup) may hold the lock briefly.
  db.pragma("busy_timeout = 5000");
  db.exec(SQLITE_SCHEMA);

  const q = {
    insertSession: db.prepare("INSERT INTO sessions (code, meta, created, updated_at) VALUES (?, ?, ?, ?)"),
    session: db.prepare<[string], { meta: string; created: string }>(
      "SELECT meta, created FROM sessions WHERE code = ?",
    ),
    touchSession: db.prepare("UPDATE sessions SET meta = ?, updated_at = ? WHERE code = ?"),
    lastSeq: db.prepare<[string], { last: number | null }>("SELECT MAX(seq) AS last FROM journal WHERE code = ?"),
    insertEntry: db.prepare("INSERT INTO journal (code, seq, entry) VALUES (?, ?, ?)"),
    entriesAfter: db.prepare<[string, number], { entry: string }>(
      "SELECT entry FROM journal WHERE code = ? AND seq > ? ORDER BY seq",
    ),
    snapshot: db.prepare<[string], { seq: number; state: string }>("SELECT seq, state FROM snapshots WHERE code = ?"),
    // One row per session: the latest snapshot replaces the one before.
    putSnapshot: db.prepare(
      "INSERT INTO snapshots (code, seq, state) VALUES (?, ?, ?) " +
        "ON CONFLICT (code) DO UPDATE SET seq = excluded.seq, state = excluded.state",
    ),
    list: db.prepare<[], { meta: string }>("SELECT meta FROM sessions ORDER BY updated_at DESC"),
    idle: db.prepare<[number], { code: string }>("SELECT code FROM sessions WHERE updated_at < ?"),
    deleteJournal: db.prepare("DELETE FROM journal WHERE code = ?"),
    deleteSnapshot: db.prepare("DELETE FROM snapshots WHERE code = ?"),
    deleteSession: db.prepare("DELETE FROM sessions WHERE code = ?"),
    putHeartbeat: db.prepare(
      "INSERT INTO heartbeats (process, at) VALUES (?, ?) ON CONFLICT (process) DO UPDATE SET at = excluded.at",
    ),
    heartbeat: db.prepare<[string], { at: number }>("SELECT at FROM heartbeats WHERE process = ?"),
    putClass: db.prepare(
      "INSERT INTO classes (code, record) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET record = excluded.record",
    ),
    klass: db.prepare<[string], { record: string }>("SELECT record FROM classes WHERE code = ?"),
    classes: db.prepare<[], { record: string }>("SELECT record FROM classes ORDER BY code"),
    deleteClass: db.prepare("DELETE FROM classes WHERE code = ?"),
  };

  const metaOf = (code: string): SessionMeta | null => {
    const row = q.session.get(code);
    return row ? (JSON.parse(row.meta) as SessionMeta) : null;
  };
  const lastSeq = (code: string): number => q.lastSeq.get(code)?.last ?? 0;

  const append = db.transaction((code: string, entry: JournalEntry) => {
    const meta = metaOf(code);
    if (!meta) throw new Error(`no session ${code} in the store`);
    const expected = lastSeq(code) + 1;
    if (entry.seq !== expected) {
      throw new Error(`journal of ${code}: entry ${entry.seq} refused, the next must be ${expected}`);
    }
    q.insertEntry.run(code, entry.seq, JSON.stringify(entry));
    // The rules' clock never goes backwards; keep updatedAt monotonic the same way.
    const at = Number.isFinite(entry.ctx.now) ? Math.floor(entry.ctx.now) : meta.updatedAt;
    const updatedAt = Math.max(meta.updatedAt, at);
    q.touchSession.run(JSON.stringify({ ...meta, updatedAt }), updatedAt, code);
  });

  // One transaction over many appends (each a savepoint inside it): one fsync for the lot.
  const appendBatch = db.transaction((items: readonly { code: string; entry: JournalEntry }[]) => {
    for (const { code, entry } of items) append(code, entry);
  });

  const remove = db.transaction((code: string) => {
    q.deleteJournal.run(code);
    q.deleteSnapshot.run(code);
    q.deleteSession.run(code);
  });

  const deleteIdle = db.transaction((before: number): string[] => {
    const codes = q.idle.all(before).map((r) => r.code);
    for (const code of codes) remove(code);
    return codes;
  });

  let closed = false;

  return {
    file,

    create(created, meta) {
      if (created.code !== meta.code) throw new Error("created.code and meta.code differ");
      q.insertSession.run(meta.code, JSON.stringify(meta), JSON.stringify(created), meta.updatedAt);
    },

    append(code, entry) {
      append(code, entry);
    },

    appendBatch(items) {
      appendBatch(items);
    },

    saveSnapshot(code: string, seq: number, state: SessionState) {
      const last = lastSeq(code);
      if (!metaOf(code)) throw new Error(`no session ${code} in the store`);
      if (!Number.isInteger(seq) || seq < 0 || seq > last) {
        throw new Error(`snapshot of ${code} at ${seq} refused: the journal ends at ${last}`);
      }
      q.putSnapshot.run(code, seq, JSON.stringify(state));
    },

    load(code): StoredSession | null {
      // One read transaction: the snapshot and the entries after it agree.
      return db.transaction(() => {
        const row = q.session.get(code);
        if (!row) return null;
        const snap = q.snapshot.get(code);
        const snapshot = snap ? { seq: snap.seq, state: JSON.parse(snap.state) as SessionState } : null;
        const entries = q.entriesAfter.all(code, snapshot?.seq ?? 0).map((r) => JSON.parse(r.entry) as JournalEntry);
        return {
          meta: JSON.parse(row.meta) as SessionMeta,
          created: JSON.parse(row.created) as StoredSession["created"],
          snapshot,
          entries,
        };
      })();
    },

    list() {
      return q.list.all().map((r) => JSON.parse(r.meta) as SessionMeta);
    },

    entries(code) {
      return q.entriesAfter.all(code, 0).map((r) => JSON.parse(r.entry) as JournalEntry);
    },

    delete(code) {
      remove(code);
    },

    deleteIdleSince(before) {
      return deleteIdle(before);
    },

    saveClass(record) {
      q.putClass.run(record.code, JSON.stringify(record));
    },

    loadClass(code) {
      const row = q.klass.get(code);
      return row ? (JSON.parse(row.record) as ClassRecord) : null;
    },

    listClasses() {
      return q.classes.all().map((r) => JSON.parse(r.record) as ClassRecord);
    },

    deleteClass(code) {
      q.deleteClass.run(code);
    },

    heartbeat(now, process = DEFAULT_PROCESS) {
      q.putHeartbeat.run(process, now);
    },

    lastSeen(process = DEFAULT_PROCESS) {
      return q.heartbeat.get(process)?.at ?? null;
    },

    close() {
      if (closed) return;
      closed = true;
      // Fold the WAL back into the main file so a copy of accord.db alone is complete.
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}
