// Issue 9, "a crash is not an outage": `npm start`'s supervisor, for real. A
// supervised server with a temp DATA_DIR, real colyseus.js clients acting,
// kill -9 of the serving process mid-lesson: the supervisor starts it again,
// every client is back in its own seat and acting within 10 s, and no
// acknowledged action is lost. A server that dies at every start is retried
// less and less often, and the log says so; SIGTERM stops it all cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { openMemoryStore } from "../../server/store/memory.ts";
import { SessionJournal } from "../../server/room/journal.ts";
import { seeded } from "../../shared/seeded.ts";
import { freePort } from "./server-process.ts";
import { ScriptedPlayer, type Sent } from "./scripted-client.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Supervised {
  readonly proc: ChildProcess;
  output = "";
  constructor(env: Record<string, string>) {
    // What `npm start` runs after the build.
    this.proc = spawn(process.execPath, ["--import", "tsx", "server/supervisor.ts"], {
      cwd: ROOT,
      env: { ...process.env, HOST: "127.0.0.1", START_SESSION: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => (this.output += chunk.toString("utf8"));
    this.proc.stdout!.on("data", keep);
    this.proc.stderr!.on("data", keep);
  }
  /** The pids of the server processes the supervisor started, in order. */
  get serverPids(): number[] {
    return [...this.output.matchAll(/server process (\d+) started/g)].map((m) => Number(m[1]));
  }
  async until(test: () => boolean, what: string, ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!test()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the supervisor said:\n${this.output}`);
      await sleep(50);
    }
  }
  /** SIGTERM to the supervisor; resolves with its exit code. */
  stop(): Promise<number | null> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve(this.proc.exitCode);
    const exited = new Promise<number | null>((resolve) => this.proc.once("exit", (code) => resolve(code)));
    this.proc.kill("SIGTERM");
    return exited;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const dirs: string[] = [];
const supervisors: Supervised[] = [];
const players: ScriptedPlayer[] = [];
afterAll(async () => {
  for (const p of players) await p.leave();
  for (const s of supervisors) {
    await s.stop();
    for (const pid of s.serverPids) if (alive(pid)) process.kill(pid, "SIGKILL");
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const sayScript = (label: string, n: number): Omit<Sent, "seq"> => {
  const text = `${label} line ${n}`;
  return { key: text, kind: "say", action: { type: "say", channel: "floor", text } };
};
const hostScript = (label: string, n: number): Omit<Sent, "seq"> => {
  const text = `${label} note ${n}`;
  return { key: text, kind: "announce", action: { type: "announce", text } };
};

describe("npm start's supervisor", () => {
  it("brings a kill -9'd server back: every client back and acting within 10 s, no acked action lost", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "accord-supervisor-"));
    dirs.push(dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const supervised = new Supervised({ DATA_DIR: dataDir, PORT: String(port) });
    supervisors.push(supervised);
    await supervised.until(() => /Accord is running/.test(supervised.output), "the server to start", 30_000);

    const created = await fetch(`${url}/api/sessions`, { method: "POST" });
    const { code, hostKey } = (await created.json()) as { code: string; hostKey: string };
    const random = seeded(9);
    const host = new ScriptedPlayer("host", `ws://127.0.0.1:${port}`, code, { hostKey }, hostScript, random);
    const delegates = ["china", "russia", "japan"].map(
      (delegation, i) =>
        new ScriptedPlayer(
          `d${i + 1}`,
          `ws://127.0.0.1:${port}`,
          code,
          { name: `Delegate ${i + 1}`, delegation },
          sayScript,
          random,
        ),
    );
    const all = [host, ...delegates];
    players.push(...all);
    for (const p of all) await p.join();
    await host.must({ type: "phase.next" });
    await host.must({ type: "phase.next" });
    for (const p of all) p.start();
    await sleep(1_500);

    const [first] = supervised.serverPids;
    const ackedAtKill = all.map((p) => p.acked.length);
    const killedAt = Date.now();
    process.kill(first!, "SIGKILL");
    await supervised.until(
      () => all.every((p, i) => p.rejoins >= 1 && p.acked.length > ackedAtKill[i]!),
      "every client back and acting",
      10_000,
    );
    const backWithin = Date.now() - killedAt;
    expect(backWithin).toBeLessThanOrEqual(10_000);
    expect(supervised.serverPids).toHaveLength(2);
    expect(supervised.output).toMatch(/server process \d+ was killed by SIGKILL; starting it again in 0\.5 s/);
    for (const p of all) await p.stop();

    // SIGTERM to the supervisor: the server stops gracefully (clients told), then the supervisor, exit 0.
    expect(await supervised.stop()).toBe(0);
    expect(alive(supervised.serverPids[1]!)).toBe(false);
    expect(delegates.every((d) => d.notices.includes("restarting"))).toBe(true);

    // Every acknowledged action is in the journal exactly once; every client kept its seat.
    const store = openSqliteStore(dataDir);
    const stored = store.load(code);
    store.close();
    const { state } = SessionJournal.restore(openMemoryStore(), stored!);
    const lines = [
      ...state.channels.find((c) => c.id === "floor")!.messages,
      ...state.channels.find((c) => c.id === "announcements")!.messages,
    ].map((m) => m.text);
    for (const p of all) {
      expect(new Set(p.seats), `${p.label}'s seats`).toEqual(new Set([p.seats[0]]));
      expect(p.acked.length).toBeGreaterThan(2);
      for (const sent of p.acked)
        expect(
          lines.filter((t) => t === sent.key),
          sent.key,
        ).toHaveLength(1);
    }
  }, 90_000);

  it("a server that dies at every start is retried less and less often, and the log says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accord-supervisor-"));
    dirs.push(dir);
    // DATA_DIR names a file, not a folder: the server cannot open its journal and exits at once.
    const notAFolder = join(dir, "not-a-folder");
    writeFileSync(notAFolder, "");
    const supervised = new Supervised({ DATA_DIR: notAFolder, PORT: String(await freePort()) });
    supervisors.push(supervised);
    const waits = () =>
      [...supervised.output.matchAll(/(?:starting it again in|waiting) ([\d.]+) s/g)].map((m) => Number(m[1]));
    // Each failed start loads the server's modules first: seconds apiece on a loaded 2-core machine.
    await supervised.until(() => waits().length >= 3, "three restarts", 75_000);
    expect(waits().slice(0, 3)).toEqual([0.5, 1, 2]);
    expect(supervised.output).toMatch(/3 times in a row soon after starting: it may be crashing at start/);
    // Stopped while waiting to retry: it stops at once.
    const asked = Date.now();
    expect(await supervised.stop()).toBe(0);
    expect(Date.now() - asked).toBeLessThan(5_000);
  }, 100_000);

  it("a server whose supervisor is killed stops by itself instead of running on unwatched", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "accord-supervisor-"));
    dirs.push(dataDir);
    const supervised = new Supervised({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    supervisors.push(supervised);
    await supervised.until(() => /Accord is running/.test(supervised.output), "the server to start", 30_000);
    const [server] = supervised.serverPids;
    supervised.proc.kill("SIGKILL");
    await supervised.until(() => !alive(server!), "the orphaned server to stop", 15_000);
    expect(supervised.output).toMatch(/shutdown: the supervisor is gone/);
  }, 60_000);
});
