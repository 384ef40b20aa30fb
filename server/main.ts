// Starts Accord: one process, one port, the SQLite journal in DATA_DIR. On
// start it opens one session with the default scenario and prints the links
// a teacher needs: the host console, the join link and code, the projector.
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";
import { createAccordServer } from "./app.ts";
import { openSqliteStore } from "./store/sqlite.ts";
import { startHeartbeat } from "./store/sqlite-heartbeat.ts";
import { startRetention } from "./store/retention.ts";
import { processLog } from "./log.ts";
import { installGracefulShutdown } from "./shutdown.ts";
import { links } from "./http/api.ts";

const env = process.env;
const port = Number(env.PORT ?? 2567);
// 0.0.0.0 so students' devices on the classroom network can reach the teacher's laptop.
const host = env.HOST ?? "0.0.0.0";
const dataDir = resolve(env.DATA_DIR ?? "data");
const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The first IPv4 address on the local network, for the links students type. */
function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return null;
}

const store = openSqliteStore(dataDir);
const heartbeat = startHeartbeat(store);
const log = processLog("accord");
const server = await createAccordServer({
  log,
  port,
  host,
  ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
  store,
  allowedOrigins: list(env.ALLOWED_ORIGINS),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  ...(env.PUBLIC_ADDRESS ? { publicAddress: env.PUBLIC_ADDRESS } : {}),
  trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
  lastSeen: heartbeat.previousLastSeen,
});
const retention = startRetention(store, {
  onDeleted: (codes) => {
    for (const code of codes) void server.sessions.delete(code);
    if (codes.length > 0) log.info({ deleted: codes.length }, "retention: idle sessions deleted");
  },
});

const shutdown = installGracefulShutdown({
  log: (line) => log.info(line),
  notifyRestarting: (message) => server.notifyRestarting(message),
  onStop: async () => {
    retention.stop();
    await server.close();
  },
  closeStore: () => {
    heartbeat.stop();
    store.close();
  },
});

// Under the supervisor (server/supervisor.ts): if it goes away, stop rather than run on unwatched.
if (process.send) process.once("disconnect", () => void shutdown.stop("the supervisor is gone"));

const lan = lanAddress();
const base = (env.PUBLIC_URL ?? (host === "0.0.0.0" && lan ? `http://${lan}:${server.port}` : server.url)).replace(
  /\/$/,
  "",
);
console.log(`Accord is running on port ${server.port} (data in ${dataDir})`);
console.log(`  Home page:      ${base}/`);
if (lan && !env.PUBLIC_URL && host === "0.0.0.0")
  console.log(`  On this laptop: ${server.url}/   (students use the ${lan} address)`);

// A restart after a crash brings the sessions back from the journal: no new one each time.
if (env.START_SESSION !== "0" && env.ACCORD_RESTARTED !== "1") {
  const { code, hostKey } = await server.createSession();
  const l = links(base, code, hostKey);
  console.log("");
  console.log(`  Session code:   ${code}`);
  console.log(`  Host console:   ${l.hostUrl}   (keep this link to yourself)`);
  console.log(`  Join link:      ${l.joinUrl}`);
  console.log(`  Projector:      ${l.observerUrl}`);
}
