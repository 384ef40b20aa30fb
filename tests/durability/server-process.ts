// The real server as a child process (`node --import tsx server/main.ts`),
// so it can be killed with SIGKILL like a crashed or unplugged machine.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  /** Everything the server printed, for a failing test's message. */
  readonly output: string[] = [];

  constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and waits for /healthz (and, if given, a line of its output matching `waitFor`). */
  async start({ timeoutMs = 20_000, waitFor }: { timeoutMs?: number; waitFor?: RegExp } = {}): Promise<void> {
    if (this.child) throw new Error("the server is already running");
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: this.dataDir, PORT: String(this.port), HOST: "127.0.0.1", START_SESSION: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    let mine = "";
    const keep = (chunk: Buffer) => {
      mine += chunk.toString("utf8");
      this.output.push(chunk.toString("utf8"));
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (child.exitCode !== null)
        throw new Error(`the server exited with ${child.exitCode}:\n${this.output.join("")}`);
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
        if (res.ok && (!waitFor || waitFor.test(mine))) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `the server was not ready (${waitFor ?? "/healthz"}) within ${timeoutMs} ms:\n${this.output.join("")}`,
    );
  }

  /** kill -9: no shutdown code runs. Resolves once the process is gone. */
  async kill9(): Promise<void> {
    await this.stopWith("SIGKILL");
  }

  /** SIGTERM: the graceful stop. Resolves with the exit code. */
  async stop(): Promise<number | null> {
    return this.stopWith("SIGTERM");
  }

  private async stopWith(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill(signal);
    const guard = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const code = await exited;
    clearTimeout(guard);
    return code;
  }
}
