// The Accord server under test, as its own process: the real app
// (createAccordServer) with the SQLite journal on a fresh temporary DATA_DIR,
// on 127.0.0.1. The parent asks it for sessions and for its CPU and memory
// over the measurement window. Default limits, except session creation per
// IP: the bench opens up to 100 sessions from one address.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAccordServer } from "../../server/app.ts";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { serveParent } from "../lib/child.ts";
import { UsageWindow } from "../lib/usage.ts";
import { pino } from "pino";

const dir = mkdtempSync(join(tmpdir(), "accord-bench-server-"));
const store = openSqliteStore(dir);
let logged = 0;
const server = await createAccordServer({
  port: 0,
  host: "127.0.0.1",
  store,
  restore: false,
  creationsPer10Minutes: 10_000,
  // Room logs ("session created") would flood the bench's output; count them instead.
  log: pino({ level: "info" }, { write: () => void logged++ }),
});
const usage = new UsageWindow();

serveParent({
  info: () => ({ url: server.url, port: server.port, pid: process.pid, dataDir: dir }),
  create: async (body) => {
    const n = Number(body.n ?? 1);
    const sessions = [];
    for (let i = 0; i < n; i++) sessions.push(await server.createSession());
    return sessions;
  },
  mark: () => usage.mark(),
  usage: () => usage.read(),
  stop: async () => {
    usage.stop();
    await server.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    return { logged };
  },
});
