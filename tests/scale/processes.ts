// Real processes for the multi-process tests: a redis-server (CI's, from
// REDIS_URL_TEST, or our own child on a free port with nothing saved to disk)
// and Accord servers started as `node --import tsx server/main.ts` with their
// own PORT, DATA_DIR and PUBLIC_ADDRESS. Everything started here is stopped
// by `stopAll`; every wait is bounded.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const started: { proc: ChildProcess; dir?: string }[] = [];

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

function waitForLine(proc: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<string> {
  return new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(
      () => fail(new Error(`${what} did not start within ${timeoutMs} ms:\n${seen.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      seen += d.toString();
      const m = pattern.exec(seen);
      if (m) {
        clearTimeout(timer);
        ok(m[0]);
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", (d: Buffer) => (seen += d.toString()));
    proc.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited (${code}) before it was ready:\n${seen.slice(-2000)}`));
    });
  });
}

/** A Redis to share: CI's (REDIS_URL_TEST), else a child redis-server that saves nothing. */
export async function startRedis(): Promise<string> {
  if (process.env.REDIS_URL_TEST) return process.env.REDIS_URL_TEST;
  const port = await freePort();
  const proc = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  started.push({ proc });
  await waitForLine(proc, /Ready to accept connections/, 15_000, "redis-server");
  return `redis://127.0.0.1:${port}`;
}

export interface ServerProcess {
  url: string;
  port: number;
  publicAddress: string;
  proc: ChildProcess;
  dataDir: string;
  output(): string;
}

/** One Accord server process on 127.0.0.1 sharing `redisUrl`, with its own port and data folder. */
export async function startServer(redisUrl: string, again?: { port: number; dataDir: string }): Promise<ServerProcess> {
  const dataDir = again?.dataDir ?? mkdtempSync(join(tmpdir(), "accord-scale-"));
  const port = again?.port ?? (await freePort());
  const publicAddress = `127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_ADDRESS: publicAddress,
      REDIS_URL: redisUrl,
      START_SESSION: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-8000)));
  proc.stderr?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-8000)));
  // A restart on the same data folder leaves its removal to the first start.
  started.push(again ? { proc } : { proc, dir: dataDir });
  await waitForLine(proc, /Accord is running on port \d+/, 60_000, `server on port ${port}`);
  return { url: `http://127.0.0.1:${port}`, port, publicAddress, proc, dataDir, output: () => out };
}

/** kill -9: no goodbye, no flush; what the journal committed is all that is left. */
export async function crash(server: ServerProcess): Promise<void> {
  const gone = new Promise<void>((ok) => server.proc.once("exit", () => ok()));
  server.proc.kill("SIGKILL");
  await gone;
}

async function stop(proc: ChildProcess, timeoutMs: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise<void>((ok) => proc.once("exit", () => ok()));
  proc.kill("SIGTERM");
  const killer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
  await gone;
  clearTimeout(killer);
}

/** Stops every process started here (servers first, Redis last) and removes their data folders. */
export async function stopAll(): Promise<void> {
  const all = started.splice(0).reverse();
  for (const { proc, dir } of all) {
    await stop(proc, 10_000);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
