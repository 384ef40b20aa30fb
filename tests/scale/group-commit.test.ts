// Group commit: every journal entry staged during one turn of the event loop
// goes to disk in one commit, and nobody is answered before it is there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GroupCommit } from "../../server/scale/group-commit.ts";
import { openSqliteStore, type SqliteSessionStore } from "../../server/store/sqlite.ts";
import type { JournalEntry } from "../../server/store/types.ts";
import { defaultScenario } from "../../content/load.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeWith(codes: string[]): SqliteSessionStore {
  const dir = mkdtempSync(join(tmpdir(), "accord-group-"));
  dirs.push(dir);
  const store = openSqliteStore(dir);
  const scenario = defaultScenario();
  for (const code of codes) {
    store.create(
      { scenario, code, now: 1, hostTokenHash: "0".repeat(64), hostRejoinCode: "ACDE" },
      { code, scenarioId: scenario.id, title: scenario.title, createdAt: 1, updatedAt: 1 },
    );
  }
  return store;
}

const say = (seq: number, text: string): JournalEntry => ({
  seq,
  actor: { kind: "seat", seat: "s2" },
  command: { type: "say", channel: "floor", text },
  ctx: { now: 1000 + seq },
});

const nextTurn = () => new Promise((r) => setImmediate(r));

describe("group commit", () => {
  it("writes the entries of several sessions staged in one turn as one commit, then answers in order", async () => {
    const store = storeWith(["AAAAAA", "CCCCCC"]);
    const batches: number[] = [];
    const appendBatch = store.appendBatch!.bind(store);
    store.appendBatch = (items) => {
      batches.push(items.length);
      appendBatch(items);
    };
    const group = new GroupCommit(store, (e) => {
      throw e;
    });
    const answered: string[] = [];
    group.stage("AAAAAA", say(1, "one"));
    group.afterDurable(() => answered.push(`one:${store.entries("AAAAAA").length}`));
    group.stage("CCCCCC", say(1, "two"));
    group.stage("AAAAAA", say(2, "three"));
    group.afterDurable(() => answered.push(`three:${store.entries("AAAAAA").length}`));
    expect(answered).toEqual([]); // nothing is told before the commit
    expect(store.entries("AAAAAA")).toEqual([]);

    await nextTurn();
    expect(batches).toEqual([3]);
    expect(answered).toEqual(["one:2", "three:2"]);
    expect(store.entries("AAAAAA").map((e) => e.seq)).toEqual([1, 2]);
    expect(store.entries("CCCCCC").map((e) => (e.command as { text: string }).text)).toEqual(["two"]);
    expect(group.stats).toEqual({ commits: 1, entries: 3 });
    store.close();
  });

  it("runs a callback at once when nothing is waiting for the disk", () => {
    const store = storeWith(["AAAAAA"]);
    const group = new GroupCommit(store, () => undefined);
    let ran = false;
    group.afterDurable(() => (ran = true));
    expect(ran).toBe(true);
    store.close();
  });

  it("writes none of a failed batch and answers nobody in it", async () => {
    const store = storeWith(["AAAAAA"]);
    const failures: string[] = [];
    const group = new GroupCommit(store, (e) => failures.push(e.message));
    const answered: string[] = [];
    group.stage("AAAAAA", say(1, "kept back"));
    group.stage("AAAAAA", say(3, "out of order")); // the journal refuses a gap: the whole batch fails
    group.afterDurable(() => answered.push("told"));
    await nextTurn();
    expect(failures).toEqual([expect.stringContaining("entry 3 refused")]);
    expect(answered).toEqual([]);
    expect(store.entries("AAAAAA")).toEqual([]);
    store.close();
  });
});
