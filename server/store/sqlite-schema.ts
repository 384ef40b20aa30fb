// The tables of accord.db. Created on first use (IF NOT EXISTS), so a new
// data folder needs no setup step. JSON columns hold the shapes of types.ts.
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code       TEXT PRIMARY KEY,
  meta       TEXT NOT NULL,   -- SessionMeta
  created    TEXT NOT NULL,   -- StoredSession["created"]: createSession's input
  updated_at INTEGER NOT NULL -- copy of meta.updatedAt, indexed for retention
) STRICT;
CREATE INDEX IF NOT EXISTS sessions_updated_at ON sessions (updated_at);

CREATE TABLE IF NOT EXISTS journal (
  code  TEXT NOT NULL REFERENCES sessions (code),
  seq   INTEGER NOT NULL,
  entry TEXT NOT NULL,        -- JournalEntry
  PRIMARY KEY (code, seq)
) STRICT, WITHOUT ROWID;

-- Only the latest snapshot of each session is kept.
CREATE TABLE IF NOT EXISTS snapshots (
  code  TEXT PRIMARY KEY REFERENCES sessions (code),
  seq   INTEGER NOT NULL,
  state TEXT NOT NULL         -- SessionState after entry seq
) STRICT;

-- Classes of several tables (server/classes): one row per class.
CREATE TABLE IF NOT EXISTS classes (
  code   TEXT PRIMARY KEY,
  record TEXT NOT NULL        -- ClassRecord
) STRICT;

-- When each server process was last alive (see sqlite-heartbeat.ts).
CREATE TABLE IF NOT EXISTS heartbeats (
  process TEXT PRIMARY KEY,
  at      INTEGER NOT NULL
) STRICT;
`;
