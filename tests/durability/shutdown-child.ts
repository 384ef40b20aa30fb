// A tiny server stand-in for the shutdown test: a store, a heartbeat, and the
// graceful stop wired as main.ts would wire it. HANG=1 makes one step hang.
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { startHeartbeat } from "../../server/store/sqlite-heartbeat.ts";
import { installGracefulShutdown } from "../../server/shutdown.ts";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR is required");
const store = openSqliteStore(dataDir);
const heartbeat = startHeartbeat(store, { intervalMs: 100 });
const say = (line: string) => process.stdout.write(line + "\n");
// Something that keeps the process alive, like a listening server.
const keepAlive = setInterval(() => {}, 1_000);

installGracefulShutdown({
  timeoutMs: Number(process.env.TIMEOUT_MS ?? 2_000),
  log: () => {},
  stopAccepting: () => {
    clearInterval(keepAlive);
    say("step: stop accepting");
  },
  notifyRestarting: (message) => say(`step: notify ${message}`),
  onStop: () => {
    say("step: stop");
    heartbeat.stop();
    if (process.env.HANG === "1") return new Promise(() => {});
    return undefined;
  },
  closeStore: () => {
    store.close();
    say("step: store closed");
  },
});
say("ready");
