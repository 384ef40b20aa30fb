// One process, one port: Express for the pages and the HTTP API, Colyseus
// for the rooms, on the same http server. Used by server/main.ts and by the
// tests (port 0 gives a free port).
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Request } from "express";
import { Server, matchMaker } from "colyseus";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { SessionStore } from "./store/types.ts";
import { processLog, type Log } from "./log.ts";
import { openMemoryStore } from "./store/memory.ts";
import { SessionService, ROOM_NAME } from "./sessions.ts";
import { sessionRoomClass } from "./room/session-room.ts";
import { TRANSPORT_MAX_PAYLOAD, gatedWebSocket } from "./room/gate.ts";
import type { LiveSession, RoomDeps } from "./room/deps.ts";
import { apiRouter } from "./http/api.ts";
import { pagesRouter } from "./http/pages.ts";
import { guardMatchmaking } from "./http/matchmake-guard.ts";
import { originCheck } from "./limits/origin.ts";
import { ipOf } from "./limits/ip.ts";
import { WindowCounter, type RateSettings } from "./limits/rate.ts";
import { JoinLimits, type JoinLimitSettings } from "./limits/joins.ts";
import { holdsHostKey, sha256Hex } from "./secrets.ts";
import { SeatToken } from "../shared/ids.ts";
import { finalErrors } from "./http/errors.ts";
import { exportRouter } from "./exports/router.ts";
import { packRouter } from "./pack/router.ts";
import { RESTARTING_MESSAGE } from "./shutdown.ts";
import { redisScale } from "./scale/redis.ts";
import { GroupCommit } from "./scale/group-commit.ts";
import { routeToOwner } from "./scale/listing.ts";
import { LIMITS } from "../shared/limits.ts";
import { ClassService } from "./classes/service.ts";
import { classRouter } from "./classes/router.ts";
import type { Scenario } from "../shared/scenario.ts";

export interface AccordServerOptions {
  port: number;
  host: string;
  /** The address students type or scan, e.g. http://192.168.1.20:2567. Default: the address each request came to. */
  publicUrl?: string;
  /** Default: an in-memory store (nothing survives a restart). main.ts passes the SQLite store. */
  store?: SessionStore;
  /** Other origins whose pages may use this server; its own origin always may. */
  allowedOrigins?: string[];
  /** Several processes share rooms through Redis (RedisPresence + RedisDriver). */
  redisUrl?: string;
  /** This process's address for other processes to send clients to (with Redis). */
  publicAddress?: string;
  /** How long a dropped seat is held: one number for all, or host and delegates apart. Default 2 min / 10 min. */
  holdMs?: number | { delegate: number; host: number };
  /** Per-client action rate. Default LIMITS.rateBurst / LIMITS.ratePerSecond. */
  rate?: RateSettings;
  /** Limits on guessing session and rejoin codes (server/limits/joins.ts, docs/security.md). */
  joinLimits?: Partial<JoinLimitSettings>;
  /** Sessions created per IP address per 10 minutes. Default 30. */
  creationsPer10Minutes?: number;
  /** Believe X-Forwarded-For / X-Real-IP (behind a reverse proxy). Default false. */
  trustProxy?: boolean;
  /** When the previous process was last alive (its heartbeat): running timers resume from there. */
  lastSeen?: number | null;
  /** Reopen the stored sessions that have not ended. Default true. */
  restore?: boolean;
  log?: Log;
  /** The server clock, ms since epoch. Default Date.now; tests move it forward to reach deadlines. */
  now?: () => number;
  /** Computer delegations' pace: 1 a person's (default), 0.001 a test's. */
  botPace?: number;
  /** Tests: every message a computer delegation's seat receives, to check it holds nothing it may not see. */
  botTap?: RoomDeps["botTap"];
}

export interface AccordServer {
  url: string;
  port: number;
  store: SessionStore;
  sessions: SessionService;
  /** Classes of several tables (server/classes). */
  classes: ClassService;
  /** Creates a session as POST /api/sessions does, with the default scenario unless one is given. */
  createSession(scenario?: Scenario): Promise<{ code: string; hostKey: string }>;
  /** Tells every client the server is restarting and closes every room (seats stay in the store). */
  notifyRestarting(message?: string): Promise<void>;
  /** Stops everything this server started. The store is closed only if the server opened it. */
  close(): Promise<void>;
}

const MINUTE = 60_000;
const SEAT_SOCKET = /^(?:\/[A-Za-z0-9_-]+)*\/[A-Za-z0-9_-]+\/[A-Z0-9]{6}(?:\?[^#]*)?$/;

export async function createAccordServer(options: AccordServerOptions): Promise<AccordServer> {
  const log = options.log ?? processLog("accord");
  const ownStore = options.store === undefined;
  const store = options.store ?? openMemoryStore();
  const hold = options.holdMs ?? { delegate: 2 * MINUTE, host: 10 * MINUTE };
  const trustProxy = options.trustProxy ?? false;
  const joinLimits = new JoinLimits(options.joinLimits);
  const rooms = new Map<string, LiveSession>();
  const deps: RoomDeps = {
    store,
    holdMs: typeof hold === "number" ? { delegate: hold, host: hold } : hold,
    rate: options.rate ?? { burst: LIMITS.rateBurst, perSecond: LIMITS.ratePerSecond },
    joinLimits,
    lastSeen: options.lastSeen ?? null,
    rooms,
    log,
    now: options.now ?? Date.now,
    ...(options.botPace !== undefined ? { botPace: options.botPace } : {}),
    ...(options.botTap ? { botTap: options.botTap } : {}),
  };
  // One durable commit per event-loop turn for all rooms (server/scale/group-commit.ts). A failed commit
  // leaves actions applied in memory that are not on disk: stop, so a restart rebuilds from the journal.
  deps.group = new GroupCommit(store, (error) => {
    log.fatal(
      { err: error.message },
      "journal: a commit failed; stopping so a restart restores every session from the journal",
    );
    process.exit(70);
  });
  const sessions = new SessionService(deps);
  const classes = new ClassService({ store, sessions, log, now: deps.now });
  const creations = new WindowCounter(options.creationsPer10Minutes ?? 30, 10 * MINUTE);
  const originOk = originCheck(options.allowedOrigins ?? []);
  const publicUrl = (req: Request) => options.publicUrl?.replace(/\/$/, "") ?? `${req.protocol}://${req.get("host")}`;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  // With several processes, a session held by another one is answered from the shared listing or sent there.
  if (options.redisUrl) app.use(routeToOwner((code) => rooms.has(code)));
  // Exports first: the API router answers any other /api path with a 404.
  app.use(
    exportRouter({
      getSession: async (code) => {
        const state = await sessions.state(code);
        return state ? { state, entries: store.entries(code) } : null;
      },
    }),
  );
  // The teacher's pack (server/pack): public parts of a scenario, and a session's whole pack for its host.
  app.use(packRouter({ getState: (code) => sessions.state(code), publicUrl, joinLimits, now: deps.now }));
  // Classes before the API router: it answers a class's code on GET /api/sessions/:code.
  app.use(classRouter({ classes, publicUrl, originOk, joinLimits, creations, now: deps.now }));
  app.use(apiRouter({ sessions, publicUrl, originOk, joinLimits, creations }));
  app.use(pagesRouter());
  app.use(finalErrors(log));

  const httpServer = http.createServer(app);
  // A request that stalls half-sent is cut off rather than held open for Node's default five minutes.
  httpServer.requestTimeout = 30_000;
  httpServer.headersTimeout = 20_000;
  const transport = new WebSocketTransport({
    server: httpServer,
    // Well above LIMITS.messageBytes, so an oversized action is answered TOO_LARGE instead of cutting the socket.
    maxPayload: TRANSPORT_MAX_PAYLOAD,
    // Every frame is checked before Colyseus reads it (server/room/gate.ts).
    WebSocket: gatedWebSocket({ rate: deps.rate, now: deps.now }),
    verifyClient: (info: { origin: string; req: http.IncomingMessage }) => {
      if (!originOk(info.origin, info.req.headers.host)) return false;
      // Only a seat's address (/<process>/<session code>?sessionId=…): anything else would only reach
      // Colyseus's room lookup by name (where "constructor" finds Object's) to be refused there, noisily.
      if (!SEAT_SOCKET.test(info.req.url ?? "")) return false;
      // Colyseus reads the client's address from X-Real-IP first: pin it to what we believe.
      info.req.headers["x-real-ip"] = ipOf(info.req, trustProxy);
      return true;
    },
  });
  const scale = options.redisUrl ? redisScale(options.redisUrl) : {};
  const gameServer = new Server({
    transport,
    greet: false,
    // Shutdown is ours (server/shutdown.ts): Colyseus's own would exit the process.
    gracefullyShutdown: false,
    ...scale,
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
  });
  gameServer.define(ROOM_NAME, sessionRoomClass(deps));
  guardMatchmaking(httpServer, {
    originOk,
    joinLimits,
    trustProxy,
    now: deps.now,
    ensureRoom: async (code) => (await sessions.existsAnywhere(code)) || (await sessions.wake(code)) !== null,
    reserveSeat: (method, code, joinOptions, ip, req) =>
      matchMaker.controller.invokeMethod(method, code, joinOptions, {
        token: undefined,
        headers: req.headers,
        ip,
        req,
      }),
    holdsSeatSecret: async (code, joinOptions) => {
      const state = rooms.get(code)?.sessionState();
      if (!state) return false;
      if ("hostKey" in joinOptions) return holdsHostKey(state, joinOptions.hostKey);
      const token = SeatToken.safeParse(joinOptions.seatToken);
      if (!token.success) return false;
      const hash = sha256Hex(token.data);
      return state.seats.some((s) => s.token === hash);
    },
  });

  await gameServer.listen(options.port, options.host);
  if (options.restore ?? true) {
    const restored = await sessions.restoreAll();
    if (restored > 0) log.info({ restored }, "sessions restored");
  }
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;

  let closed = false;
  const notifyRestarting = async (message = RESTARTING_MESSAGE) => {
    await Promise.all([...rooms.values()].map((room) => room.closeWith("restarting", message)));
  };
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    sessions,
    classes,
    createSession: async (scenario?: Scenario) => {
      const { defaultScenario } = await import("../content/load.ts");
      return sessions.create(scenario ?? defaultScenario(), deps.now());
    },
    notifyRestarting,
    close: async () => {
      if (closed) return;
      closed = true;
      deps.group?.flush();
      await notifyRestarting();
      await gameServer.gracefullyShutdown(false);
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (ownStore) store.close();
    },
  };
}
