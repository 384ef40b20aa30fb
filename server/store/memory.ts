// An in-memory SessionStore with the same contract as the SQLite one, for
// tests and for a quick try-out without a data folder. Everything is copied in
// and out, as a real store would, so a caller can never change stored data by
// holding on to an object.
import type { ClassRecord, JournalEntry, SessionMeta, SessionStore, StoredSession } from "./types.ts";
import type { SessionState } from "../../shared/state.ts";

interface Record {
  meta: SessionMeta;
  created: StoredSession["created"];
  snapshot: { seq: number; state: SessionState } | null;
  entries: JournalEntry[];
}

export function openMemoryStore(): SessionStore {
  const sessions = new Map<string, Record>();
  const classes = new Map<string, ClassRecord>();
  const copy = <T>(value: T): T => structuredClone(value);
  const get = (code: string): Record => {
    const record = sessions.get(code);
    if (!record) throw new Error(`store: no session ${code}`);
    return record;
  };

  return {
    create(created, meta) {
      if (sessions.has(meta.code)) throw new Error(`store: session ${meta.code} exists`);
      sessions.set(meta.code, { meta: copy(meta), created: copy(created), snapshot: null, entries: [] });
    },
    append(code, entry) {
      const record = get(code);
      const last = record.entries.at(-1)?.seq ?? 0;
      if (entry.seq !== last + 1) throw new Error(`store: entry ${entry.seq} of ${code} does not follow ${last}`);
      record.entries.push(copy(entry));
      record.meta.updatedAt = Math.max(record.meta.updatedAt, entry.ctx.now);
    },
    saveSnapshot(code, seq, state) {
      get(code).snapshot = { seq, state: copy(state) };
    },
    load(code) {
      const record = sessions.get(code);
      if (!record) return null;
      const after = record.snapshot?.seq ?? 0;
      return copy({
        meta: record.meta,
        created: record.created,
        snapshot: record.snapshot,
        entries: record.entries.filter((e) => e.seq > after),
      });
    },
    list() {
      return [...sessions.values()].map((r) => copy(r.meta));
    },
    entries(code) {
      return copy(sessions.get(code)?.entries ?? []);
    },
    delete(code) {
      sessions.delete(code);
    },
    saveClass(record) {
      classes.set(record.code, copy(record));
    },
    loadClass(code) {
      const record = classes.get(code);
      return record ? copy(record) : null;
    },
    listClasses() {
      return [...classes.values()].map(copy);
    },
    deleteClass(code) {
      classes.delete(code);
    },
    deleteIdleSince(before) {
      const gone = [...sessions.values()].filter((r) => r.meta.updatedAt < before).map((r) => r.meta.code);
      for (const code of gone) sessions.delete(code);
      return gone;
    },
    close() {
      sessions.clear();
      classes.clear();
    },
  };
}
