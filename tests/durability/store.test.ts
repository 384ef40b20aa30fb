import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteSessionStore } from "../../server/store/sqlite.ts";
import { startHeartbeat, timeLeftAtStop } from "../../server/store/sqlite-heartbeat.ts";
import { retentionDaysFrom, startRetention } from "../../server/store/retention.ts";
import { debriefEntries, debriefState, meta, storedCreated, T_START } from "./fixtures.ts";

const dirs: string[] = [];
const stores: SqliteSessionStore[] = [];
function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), "accord-store-"));
  dirs.push(dir);
  return dir;
}
function open(dir: string) {
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;

describe("the SQLite journal", () => {
  it("creates its folder and file on first use with no setup", () => {
    const dir = join(freshDir(), "nested", "data");
    const store = open(dir);
    expect(existsSync(join(dir, "accord.db"))).toBe(true);
    expect(store.list()).toEqual([]);
    expect(store.load("ACDEFG")).toBeNull();
  });

  it("gives back what was appended, in order, after the store is closed and reopened", () => {
    const dir = freshDir();
    const first = open(dir);
    first.create(storedCreated("ACDEFG"), meta("ACDEFG"));
    const entries = debriefEntries();
    for (const entry of entries) first.append("ACDEFG", entry);
    first.close();

    const again = open(dir);
    const loaded = again.load("ACDEFG");
    expect(loaded?.created).toEqual(storedCreated("ACDEFG"));
    expect(loaded?.snapshot).toBeNull();
    expect(loaded?.entries).toEqual(entries);
    expect(loaded?.meta.updatedAt).toBe(entries.at(-1)?.ctx.now);
    expect(again.entries("ACDEFG")).toEqual(entries);
  });

  it("refuses an entry that is not the next in sequence, and keeps the journal as it was", () => {
    const store = open(freshDir());
    store.create(storedCreated("ACDEFG"), meta("ACDEFG"));
    const [one, two, three] = debriefEntries();
    store.append("ACDEFG", one!);
    store.append("ACDEFG", two!);
    const before = store.load("ACDEFG");

    expect(() => store.append("ACDEFG", { ...three!, seq: 4 })).toThrow(/next must be 3/);
    expect(() => store.append("ACDEFG", { ...three!, seq: 2 })).toThrow(/next must be 3/);
    expect(() => store.append("ACDEFG", { ...three!, seq: 0 })).toThrow(/next must be 3/);
    expect(() => store.append("WXYQRT", one!)).toThrow(/no session/);
    expect(store.load("ACDEFG")).toEqual(before);
    expect(store.load("WXYQRT")).toBeNull();
  });

  it("refuses to create a session twice", () => {
    const store = open(freshDir());
    store.create(storedCreated("ACDEFG"), meta("ACDEFG"));
    expect(() => store.create(storedCreated("ACDEFG"), meta("ACDEFG"))).toThrow();
    expect(store.list()).toHaveLength(1);
  });

  it("loads the latest snapshot and only the entries after it; older snapshots are replaced", () => {
    const store = open(freshDir());
    store.create(storedCreated("ACDEFG"), meta("ACDEFG"));
    const entries = debriefEntries();
    for (const entry of entries) store.append("ACDEFG", entry);
    const early = { ...debriefState(), phase: "negotiation" as const };
    const late = debriefState();
    store.saveSnapshot("ACDEFG", 2, early);
    store.saveSnapshot("ACDEFG", 4, late);

    const loaded = store.load("ACDEFG");
    expect(loaded?.snapshot).toEqual({ seq: 4, state: late });
    expect(loaded?.entries).toEqual(entries.slice(4));
    // Exports still read the whole journal.
    expect(store.entries("ACDEFG")).toEqual(entries);
  });

  it("refuses a snapshot beyond the end of the journal", () => {
    const store = open(freshDir());
    store.create(storedCreated("ACDEFG"), meta("ACDEFG"));
    store.append("ACDEFG", debriefEntries()[0]!);
    expect(() => store.saveSnapshot("ACDEFG", 2, debriefState())).toThrow(/journal ends at 1/);
    expect(store.load("ACDEFG")?.snapshot).toBeNull();
  });

  it("keeps sessions apart, lists them and deletes one at once", () => {
    const store = open(freshDir());
    store.create(storedCreated("ACDEFG"), meta("ACDEFG"));
    store.create(storedCreated("HJKMNP"), meta("HJKMNP"));
    const [one, two] = debriefEntries();
    store.append("ACDEFG", one!);
    store.append("HJKMNP", one!);
    store.append("HJKMNP", two!);
    expect(
      store
        .list()
        .map((m) => m.code)
        .sort(),
    ).toEqual(["ACDEFG", "HJKMNP"]);
    expect(store.entries("ACDEFG")).toHaveLength(1);

    store.saveSnapshot("HJKMNP", 2, debriefState("HJKMNP"));
    store.delete("HJKMNP");
    expect(store.load("HJKMNP")).toBeNull();
    expect(store.entries("HJKMNP")).toEqual([]);
    expect(store.list().map((m) => m.code)).toEqual(["ACDEFG"]);
    // A deleted code can be used again from scratch.
    store.create(storedCreated("HJKMNP"), meta("HJKMNP"));
    store.append("HJKMNP", one!);
    expect(store.entries("HJKMNP")).toEqual([one]);
  });
});

describe("retention", () => {
  it("deletes sessions idle for more than the set days, at start and on each sweep, and names them", () => {
    const store = open(freshDir());
    store.create(storedCreated("ACDEFG"), meta("ACDEFG", T_START));
    store.create(storedCreated("HJKMNP"), meta("HJKMNP", T_START));
    // HJKMNP stays in use: an action 20 days later.
    store.append("HJKMNP", { ...debriefEntries()[0]!, ctx: { now: T_START + 20 * DAY } });

    let clock = T_START + 29 * DAY;
    const told: string[][] = [];
    const retention = startRetention(store, { days: 30, now: () => clock, onDeleted: (codes) => told.push(codes) });
    expect(retention.removedAtStart).toEqual([]);
    expect(store.list()).toHaveLength(2);

    clock = T_START + 31 * DAY;
    expect(retention.sweep()).toEqual(["ACDEFG"]);
    expect(store.load("ACDEFG")).toBeNull();
    expect(store.load("HJKMNP")).not.toBeNull();

    clock = T_START + 51 * DAY;
    expect(retention.sweep()).toEqual(["HJKMNP"]);
    expect(store.list()).toEqual([]);
    expect(told).toEqual([["ACDEFG"], ["HJKMNP"]]);
    retention.stop();
  });

  it("sweeps at start", () => {
    const store = open(freshDir());
    store.create(storedCreated("ACDEFG"), meta("ACDEFG", T_START));
    const retention = startRetention(store, { days: 1, now: () => T_START + 2 * DAY });
    expect(retention.removedAtStart).toEqual(["ACDEFG"]);
    retention.stop();
  });

  it("reads RETENTION_DAYS, falling back to 30 for nonsense", () => {
    expect(retentionDaysFrom({ RETENTION_DAYS: "7" })).toBe(7);
    expect(retentionDaysFrom({})).toBe(30);
    expect(retentionDaysFrom({ RETENTION_DAYS: "-2" })).toBe(30);
    expect(retentionDaysFrom({ RETENTION_DAYS: "soon" })).toBe(30);
  });
});

describe("the heartbeat", () => {
  it("tells a restarted server when the previous one was last alive, across a reopen", () => {
    const dir = freshDir();
    const first = open(dir);
    let clock = 1_000_000;
    const beat = startHeartbeat(first, { now: () => clock, intervalMs: 60_000 });
    expect(beat.previousLastSeen).toBeNull();
    clock = 1_005_000;
    beat.stop();
    first.close();

    const again = open(dir);
    const next = startHeartbeat(again, { now: () => 2_000_000, intervalMs: 60_000 });
    expect(next.previousLastSeen).toBe(1_005_000);
    expect(again.lastSeen()).toBe(2_000_000);
    next.stop();
  });

  it("gives a running timer the time it had left when the server was last alive", () => {
    const running = { state: "running" as const, endsAt: 100_000, durationMs: 300_000 };
    expect(timeLeftAtStop(running, 70_000, 60_000)).toBe(30_000);
    expect(timeLeftAtStop(running, 120_000, 60_000)).toBe(0);
    expect(timeLeftAtStop(running, null, 60_000)).toBe(40_000);
    expect(timeLeftAtStop({ state: "paused", remainingMs: 5_000, durationMs: 300_000 }, 70_000, 60_000)).toBeNull();
  });
});

describe("a process killed with SIGKILL while appending", () => {
  it("keeps every entry whose append had returned, with no gap and nothing torn", async () => {
    const { spawn } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const dir = freshDir();
    const child = spawn(process.execPath, ["--import", "tsx", "tests/durability/append-child.ts"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, DATA_DIR: dir },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let said = 0;
    let buffer = "";
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error("the child appended nothing")), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) said = Math.max(said, Number(line));
        if (said >= 300) {
          clearTimeout(guard);
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await exited;

    const store = open(dir);
    const entries = store.entries("ACDEFG");
    expect(entries.length).toBeGreaterThanOrEqual(said);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    // The journal goes on from where it stopped.
    store.append("ACDEFG", { ...entries[0]!, seq: entries.length + 1 });
    expect(store.load("ACDEFG")?.entries).toHaveLength(entries.length + 1);
  }, 30_000);
});
