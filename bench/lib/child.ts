// Runs a TypeScript file as a child process (node --import tsx) with an IPC
// channel, so the server under test and the load generator are separate
// processes. Requests carry an id; the child answers { id, ok, value|error }.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Child {
  proc: ChildProcess;
  request<T = unknown>(type: string, body?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Asks the child to stop, then kills it if it has not gone within the bound. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Extra node flags, e.g. ["--cpu-prof"]. */
  nodeFlags?: string[];
  /** Echo the child's output (off by default: a bench table should be readable). */
  verbose?: boolean;
}

/**
 * The flags `npm start` runs the server with (package.json). A larger young
 * generation lets the many short-lived objects of each action (views, patches,
 * messages) die young instead of being promoted: at 100 rooms it halved the
 * longest event-loop pauses and the p99 with them (BENCHMARKS.md).
 */
export const NODE_FLAGS = ["--max-semi-space-size=64"];

export async function spawnChild(file: string | URL, options: SpawnOptions = {}): Promise<Child> {
  const path = file instanceof URL ? fileURLToPath(file) : file;
  const proc = fork(path, [], {
    execArgv: ["--import", "tsx", ...NODE_FLAGS, ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ["ignore", options.verbose ? "inherit" : "pipe", "pipe", "ipc"],
  });
  let stderr = "";
  proc.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
    if (options.verbose) process.stderr.write(d);
  });
  proc.stdout?.resume();
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.on("message", (m: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
    const w = m.id !== undefined ? waiting.get(m.id) : undefined;
    if (!w) return;
    waiting.delete(m.id!);
    clearTimeout(w.timer);
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(m.error ?? "child failed"));
  });
  proc.once("exit", (code, signal) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(
        new Error(
          `${path} exited (${code ?? signal}) before answering. ${stderr.trim().split("\n").slice(-8).join("\n")}`,
        ),
      );
    }
    waiting.clear();
  });

  const child: Child = {
    proc,
    request<T>(type: string, body: Record<string, unknown> = {}, timeoutMs = 60_000) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${path}: "${type}" took longer than ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        proc.send({ id, type, ...body });
      });
    },
    async stop(timeoutMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      try {
        await child.request("stop", {}, timeoutMs);
      } catch {
        // it may exit before answering
      }
      const killer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
      await exited;
      clearTimeout(killer);
    },
  };
  await child.request("ping", {}, 60_000);
  return child;
}

/** The child's side: answers requests with the handlers given. */
export function serveParent(handlers: Record<string, (body: Record<string, unknown>) => unknown>): void {
  if (!process.send) throw new Error("this file runs as a child of bench/run.ts");
  const send = process.send.bind(process);
  process.on("message", async (m: { id: number; type: string } & Record<string, unknown>) => {
    try {
      if (m.type === "ping") return send({ id: m.id, ok: true, value: "pong" });
      const handler = handlers[m.type];
      if (!handler) throw new Error(`no handler for "${m.type}"`);
      const value = await handler(m);
      send({ id: m.id, ok: true, value });
      if (m.type === "stop") setTimeout(() => process.exit(0), 50);
    } catch (e) {
      send({ id: m.id, ok: false, error: (e as Error).stack ?? String(e) });
    }
  });
  // The parent going away ends the child too: nothing is left running.
  process.on("disconnect", () => process.exit(0));
}
