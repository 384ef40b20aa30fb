// The graceful stop in a real child process, sent a real SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../server/store/sqlite.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  lines: string[];
  msFromSignal: number;
}

/** Starts the child, waits for "ready", sends SIGTERM, and waits (bounded) for it to exit. */
function runAndStop(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/durability/shutdown-child.ts"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    let signalledAt = 0;
    const guard = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the child did not stop; it said ${JSON.stringify(lines)}`));
    }, 20_000);
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        if (line === "ready") {
          signalledAt = Date.now();
          child.kill("SIGTERM");
        }
      }
    });
    child.on("exit", (code) => {
      clearTimeout(guard);
      resolve({ code, lines, msFromSignal: Date.now() - signalledAt });
    });
  });
}

describe("graceful shutdown on SIGTERM", () => {
  it("stops accepting, tells clients the server is restarting, closes the store, and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accord-stop-"));
    dirs.push(dir);
    const run = await runAndStop({ DATA_DIR: dir });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      "ready",
      "step: stop accepting",
      "step: notify The server is restarting. You will be reconnected to your seat in a moment.",
      "step: stop",
      "step: store closed",
    ]);
    // Closed cleanly: the write-ahead log was folded into accord.db, and the last heartbeat is there.
    expect(statSync(join(dir, "accord.db-wal"), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    const store = openSqliteStore(dir);
    expect(store.lastSeen()).toBeGreaterThan(Date.now() - 60_000);
    store.close();
  }, 30_000);

  it("exits with 1 within the bound when a step hangs, and still closes the store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accord-stop-"));
    dirs.push(dir);
    const run = await runAndStop({ DATA_DIR: dir, HANG: "1", TIMEOUT_MS: "800" });
    expect(run.code).toBe(1);
    expect(run.msFromSignal).toBeGreaterThanOrEqual(800);
    expect(run.msFromSignal).toBeLessThan(5_000);
    expect(run.lines).toEqual([
      "ready",
      "step: stop accepting",
      expect.stringMatching(/^step: notify /),
      "step: stop",
      "step: store closed",
    ]);
  }, 30_000);
});
