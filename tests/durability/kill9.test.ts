// The promise of issue 5, tested the hard way: a real server process, real
// colyseus.js clients acting at once, kill -9 at random moments several times,
// restart on the same data folder. Every action a client saw acknowledged must
// be in the restored session exactly once, none twice, every client must get
// its own seat back, and the running phase timer must keep the time it had.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionState } from "../../shared/state.ts";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { openMemoryStore } from "../../server/store/memory.ts";
import { SessionJournal } from "../../server/room/journal.ts";
import type { JournalEntry } from "../../server/store/types.ts";
import { seeded } from "../../shared/seeded.ts";
import { HEARTBEAT_MS } from "../../server/store/sqlite-heartbeat.ts";
import { freePort, ServerProcess } from "./server-process.ts";
import { ScriptedPlayer, type Sent } from "./scripted-client.ts";

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 5);
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);

const delegateScript = (label: string, n: number): Omit<Sent, "seq"> => {
  if (n % 7 === 3 && n < 60) {
    const title = `${label} draft ${n}`;
    return {
      key: title,
      kind: "draft",
      action: { type: "provision.draft", instrument: "code", title, text: `Text of ${title}.`, tags: [] },
    };
  }
  const text = `${label} line ${n}`;
  return { key: text, kind: "say", action: { type: "say", channel: "floor", text } };
};
const hostScript = (label: string, n: number): Omit<Sent, "seq"> => {
  const text = `${label} note ${n}`;
  return { key: text, kind: "announce", action: { type: "announce", text } };
};

/** How many times an action's mark is in the state. */
function occurrences(state: SessionState, sent: Sent): number {
  const channel = (id: string) => state.channels.find((c) => c.id === id)?.messages ?? [];
  switch (sent.kind) {
    case "say":
      return channel("floor").filter((m) => m.text === sent.key).length;
    case "announce":
      return channel("announcements").filter((m) => m.text === sent.key).length;
    case "draft":
      return state.provisions.filter((p) => p.title === sent.key).length;
  }
}

const dirs: string[] = [];
const servers: ServerProcess[] = [];
const players: ScriptedPlayer[] = [];
afterAll(async () => {
  for (const p of players) await p.leave();
  for (const s of servers) await s.kill9();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface CrashRun {
  journal: JournalEntry[];
  kills: number[];
  state: SessionState;
  where: string;
}
let run: CrashRun | null = null;

describe(`kill -9 at random moments (seed ${SEED}, ${ROUNDS} rounds)`, () => {
  it("loses no acknowledged action, applies none twice, and gives every seat back", async () => {
    const random = seeded(SEED);
    const dataDir = mkdtempSync(join(tmpdir(), "accord-kill9-"));
    dirs.push(dataDir);
    const server = new ServerProcess(await freePort(), dataDir);
    servers.push(server);
    await server.start();

    const created = await fetch(`${server.url}/api/sessions`, { method: "POST", signal: AbortSignal.timeout(5_000) });
    expect(created.status).toBe(201);
    const { code, hostKey } = (await created.json()) as { code: string; hostKey: string };
    const ws = `ws://127.0.0.1:${server.port}`;

    const host = new ScriptedPlayer("host", ws, code, { hostKey }, hostScript, random);
    const delegates = ["china", "russia", "united-states", "japan"].map(
      (delegation, i) =>
        new ScriptedPlayer(`d${i + 1}`, ws, code, { name: `Delegate ${i + 1}`, delegation }, delegateScript, random),
    );
    players.push(host, ...delegates);
    await host.join();
    for (const d of delegates) await d.join();

    // Into the negotiation with a running timer, before the first crash.
    await host.must({ type: "phase.next" });
    await host.must({ type: "phase.next" });
    await host.must({ type: "timer.start", minutes: 30 });

    for (const p of players) p.start();
    const kills: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await new Promise((r) => setTimeout(r, 250 + Math.floor(random() * 1_500)));
      kills.push(Date.now());
      await server.kill9();
      // Sometimes straight back, sometimes after a pause the clients have to wait through.
      await new Promise((r) => setTimeout(r, Math.floor(random() * 600)));
      // Up means the session is back: its room restored and its timer given back (the log says so).
      await server.start({ waitFor: /"msg":"session restored"/ });
    }
    await new Promise((r) => setTimeout(r, 500 + Math.floor(random() * 500)));
    for (const p of players) await p.stop();

    // A graceful stop after all that: clients are told, the process exits 0.
    expect(await server.stop()).toBe(0);
    expect(delegates.every((d) => d.notices.includes("restarting"))).toBe(true);

    // What the next start would restore: the stored journal replayed through the rules, as the room does.
    const store = openSqliteStore(dataDir);
    const stored = store.load(code);
    const journal = store.entries(code) as (JournalEntry & { ctx: { clientSeq?: number } })[];
    store.close();
    expect(stored).not.toBeNull();
    const { state } = SessionJournal.restore(openMemoryStore(), stored!);
    const where = `(seed ${SEED}; server said:\n${server.output.join("").slice(-3000)})`;

    // Every client lived through every crash and came back to its own seat.
    for (const p of players) {
      expect(p.rejoins, `${p.label} rejoined ${p.rejoins} times ${where}`).toBeGreaterThanOrEqual(1);
      expect(new Set(p.seats), `${p.label}'s seats ${where}`).toEqual(new Set([p.seats[0]]));
    }
    expect(host.seats[0]).toBe("s1");
    expect(
      state.seats
        .filter((s) => s.role === "delegate")
        .map((s) => s.name)
        .sort(),
    ).toEqual(delegates.map((_, i) => `Delegate ${i + 1}`));

    // Every acknowledged action exactly once; nothing ever sent is there twice; nothing refused is there.
    let acked = 0;
    for (const p of players) {
      expect(p.sent.length, `${p.label} sent nothing ${where}`).toBeGreaterThan(3);
      for (const sent of p.acked) expect(occurrences(state, sent), `${p.label}: ${sent.key} ${where}`).toBe(1);
      for (const sent of p.sent)
        expect(occurrences(state, sent), `${p.label}: ${sent.key} ${where}`).toBeLessThanOrEqual(1);
      for (const sent of p.refused)
        expect(occurrences(state, sent), `${p.label}: ${sent.key} refused ${where}`).toBe(0);
      expect(p.acked.length + p.refused.length, `${p.label} left actions unanswered ${where}`).toBe(p.sent.length);
      acked += p.acked.length;
    }
    expect(acked).toBeGreaterThan(20);

    // In the journal too: each seat's client sequence numbers only go up.
    const bySeat = new Map<string, number[]>();
    for (const e of journal) {
      if (e.actor.kind === "seat" && e.ctx.clientSeq !== undefined) {
        bySeat.set(e.actor.seat, [...(bySeat.get(e.actor.seat) ?? []), e.ctx.clientSeq]);
      }
    }
    for (const [seat, seqs] of bySeat) {
      expect(seqs, `seat ${seat} ${where}`).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size, `seat ${seat} applied a seq twice ${where}`).toBe(seqs.length);
    }

    run = { journal, kills, state, where };
  }, 180_000);

  it("gives a running phase timer back the time it had left at each crash", () => {
    // The timer kept the time it had at each crash (up to one heartbeat more, plus slack for a busy CI machine; never less).
    if (!run) throw new Error("the crash run did not finish");
    const { journal, kills, state, where } = run;
    const start = journal.find((e) => e.command.type === "timer.start")!;
    let endsAt = start.ctx.now + 30 * 60_000;
    const restores = journal.filter((e) => e.command.type === "timer.restore");
    expect(restores.length, `timer restores ${where}`).toBe(ROUNDS);
    restores.forEach((e, i) => {
      const hadLeft = endsAt - kills[i]!;
      const given = (e.command as { remainingMs: number }).remainingMs;
      expect(given, `restore ${i + 1} ${where}`).toBeGreaterThanOrEqual(hadLeft - 50);
      expect(given, `restore ${i + 1} ${where}`).toBeLessThanOrEqual(hadLeft + HEARTBEAT_MS + 1_500);
      endsAt = e.ctx.now + given;
    });
    expect(state.timer.state).toBe("running");
    expect(state.phase).toBe("negotiation");
  });
});
