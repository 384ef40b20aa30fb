// What `npm start` runs: a small parent that keeps the server process alive.
// If the server dies (a crash, kill -9, the journal refusing a write), the
// parent starts it again within a second; the new process restores every
// session from the journal and the pages reconnect to their seats by
// themselves. A server that keeps dying soon after starting is started again
// less and less often (up to every 30 s), and the log says so. SIGINT or
// SIGTERM to the parent stops the server gracefully and then the parent.
import { processLog } from "./log.ts";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

/** Waits before each restart: the first at once (half a second), then doubling while it keeps dying young. */
export const RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
/** A process that lived this long was not crash-looping: the next restart is quick again. */
const HEALTHY_AFTER_MS = 60_000;
/** How long the server may take to stop gracefully before it is killed. */
const STOP_WITHIN_MS = 15_000;

const logger = processLog("supervisor");
const log = (line: string) => logger.info(line);

let child: ChildProcess | null = null;
let stopping = false;
let quickDeaths = 0;
let starts = 0;
let restartTimer: NodeJS.Timeout | null = null;

function start(): void {
  starts++;
  const startedAt = Date.now();
  const proc = spawn(process.execPath, [...process.execArgv, MAIN], {
    cwd: ROOT,
    // After the first start, the sessions come back from the journal: no new starting session each time.
    env: { ...process.env, ...(starts > 1 ? { ACCORD_RESTARTED: "1" } : {}) },
    // Its own process group, so a Ctrl-C reaches it once, from here; an IPC channel so it stops if we go.
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child = proc;
  log(`server process ${proc.pid} started${starts > 1 ? " (restoring sessions from the journal)" : ""}`);
  proc.on("exit", (code, signal) => {
    child = null;
    const how = `${proc.pid} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`;
    if (stopping) {
      log(`server process ${how}; stopped`);
      process.exit(code ?? 1);
    }
    if (code === 0) {
      log("server process stopped by itself; stopping too");
      process.exit(0);
    }
    const lived = Date.now() - startedAt;
    quickDeaths = lived >= HEALTHY_AFTER_MS ? 0 : quickDeaths + 1;
    const delay = RESTART_DELAYS_MS[Math.min(Math.max(quickDeaths - 1, 0), RESTART_DELAYS_MS.length - 1)]!;
    const seconds = `${delay / 1000} s`;
    if (quickDeaths >= 3) {
      log(
        `server process ${how} after ${Math.round(lived / 1000)} s, ${quickDeaths} times in a row soon after starting: ` +
          `it may be crashing at start (see the lines above); waiting ${seconds} before trying again`,
      );
    } else {
      log(`server process ${how}; starting it again in ${seconds}`);
    }
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (!stopping) start();
    }, delay);
  });
}

function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  if (restartTimer) clearTimeout(restartTimer);
  if (!child) {
    log(`${signal}: stopped`);
    process.exit(0);
  }
  log(`${signal}: stopping the server process gracefully`);
  child.kill("SIGTERM");
  setTimeout(() => {
    log(`the server process did not stop within ${STOP_WITHIN_MS / 1000} s; killing it`);
    child?.kill("SIGKILL");
  }, STOP_WITHIN_MS).unref();
}

process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
start();
