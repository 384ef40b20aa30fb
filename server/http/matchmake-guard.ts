// The matchmaking door. Colyseus would answer any request whose path merely
// contains "/matchmake" (create and joinOrCreate included, behind any prefix),
// read its body without a size limit, and leave other methods hanging. This
// handler takes that door over before Colyseus sees a request: only
//   POST /matchmake/joinById/<session code>   (colyseus.js `joinById`)
//   POST /matchmake/reconnect/<session code>  (colyseus.js `reconnect`)
// and their CORS preflights are served, each with the Origin check, a 4 KB
// body limit read as it arrives, and the limits on guessing session codes
// (server/limits/joins.ts). Every other path containing "/matchmake" is a 404;
// rooms are made only by POST /api/sessions. Nothing here can throw out of the
// request handler: any surprise answers a 4xx or 503, never a crash.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { SessionCode } from "../../shared/ids.ts";
import { joinErrorCode, type RefusalCode } from "../../shared/protocol.ts";
import { joinRefusalText } from "../../shared/refusal-words.ts";
import type { OriginCheck } from "../limits/origin.ts";
import type { JoinLimits } from "../limits/joins.ts";
import { ipOf } from "../limits/ip.ts";
import { readBody } from "./body.ts";

export interface GuardDeps {
  originOk: OriginCheck;
  joinLimits: JoinLimits;
  /** Opens the session's room if it is stored; false if there is no such session. */
  ensureRoom(code: string): Promise<boolean>;
  /** Whether the join options carry this session's host key or one of its seat tokens. */
  holdsSeatSecret(code: string, options: Record<string, unknown>): Promise<boolean>;
  /** Colyseus's matchmaker: reserves a seat in the session's room (`matchMaker.controller.invokeMethod`). */
  reserveSeat(
    method: "joinById" | "reconnect",
    code: string,
    options: object,
    ip: string,
    req: IncomingMessage,
  ): Promise<unknown>;
  trustProxy: boolean;
  now(): number;
}

/** Join options are a name, a code or a key: a few hundred bytes. */
const MATCHMAKE_BODY_BYTES = 4 * 1024;

const ROUTE = /^\/matchmake\/(joinById|reconnect)\/([A-Za-z0-9]{1,64})$/;
const ALLOW = "POST, OPTIONS";

type Answer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const refusal = (status: number, code: RefusalCode, message: string): Answer => ({
  status,
  body: { code: joinErrorCode(code), error: joinRefusalText(code, message) },
});

export function guardMatchmaking(server: HttpServer, deps: GuardDeps): void {
  const downstream = server.listeners("request").slice() as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // Colyseus's own test is `url.indexOf("/matchmake") !== -1`: everything it would take is ours.
    if (!(req.url ?? "").includes("/matchmake")) {
      for (const listener of downstream) listener.call(server, req, res);
      return;
    }
    handle(req, deps).then(
      (answer) => send(req, res, answer),
      () => send(req, res, refusal(503, "INTERNAL", "The server could not open that session just now. Try again.")),
    );
  });
}

async function handle(req: IncomingMessage, deps: GuardDeps): Promise<Answer> {
  const route = ROUTE.exec(req.url ?? "");
  if (!route) return { status: 404, body: { error: "No such route." } };
  const origin = req.headers.origin;
  if (!deps.originOk(origin, req.headers.host)) {
    return refusal(403, "BAD_MESSAGE", "This page may not join sessions on this server.");
  }
  const cors = origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : undefined;
  if (req.method === "OPTIONS") {
    return {
      status: 204,
      body: {},
      headers: {
        ...cors,
        "Access-Control-Allow-Methods": ALLOW,
        "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
        "Access-Control-Max-Age": "600",
      },
    };
  }
  if (req.method !== "POST") return { status: 405, body: { error: "Use POST." }, headers: { Allow: ALLOW } };

  const body = await readBody(req, MATCHMAKE_BODY_BYTES);
  if (!body.ok) {
    return body.tooLarge
      ? refusal(413, "TOO_LARGE", `Join requests are at most ${MATCHMAKE_BODY_BYTES / 1024} KB.`)
      : refusal(400, "BAD_MESSAGE", "The join request was not understood.");
  }
  let options: unknown;
  try {
    options = body.text.length === 0 ? {} : JSON.parse(body.text);
  } catch {
    return refusal(400, "BAD_MESSAGE", "The join request is not JSON.");
  }
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    return refusal(400, "BAD_MESSAGE", "The join request was not understood.");
  }

  const [, method, target] = route as unknown as [string, "joinById" | "reconnect", string];
  const ip = ipOf(req, deps.trustProxy);
  const now = deps.now();
  const parsed = SessionCode.safeParse(target);
  const code = parsed.success && parsed.data === target ? parsed.data : null;
  const withSecret = code !== null && (await deps.holdsSeatSecret(code, options as Record<string, unknown>));
  // A reconnection carries Colyseus's own token for a seat held open, which the room checks; a host key
  // or seat token proves more than the code. Neither is a guess at the code, and neither is limited.
  if (method === "joinById" && !withSecret) {
    if (!deps.joinLimits.maySeekSession(ip, code, now)) {
      return refusal(
        429,
        "RATE_LIMITED",
        "Too many wrong codes from this network. Wait a few minutes, then check the code with your teacher.",
      );
    }
  }
  if (code === null || !(await deps.ensureRoom(code))) {
    if (method === "joinById") deps.joinLimits.wrongSessionCode(ip, now);
    return refusal(404, "UNKNOWN_SESSION", "No session has that code. Check the code with your teacher.");
  }
  if (method === "joinById") deps.joinLimits.reached(ip, code, now);

  try {
    const reservation = await deps.reserveSeat(method, code, options, ip, req);
    return { status: 200, body: reservation as Record<string, unknown>, headers: cors };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The room went away or filled between the check and the reservation.
    if (/not found|disposed/i.test(message)) {
      return refusal(404, "UNKNOWN_SESSION", "No session has that code. Check the code with your teacher.");
    }
    if (/locked/i.test(message)) return refusal(409, "SESSION_FULL", "This session is full. Ask your teacher.");
    if (/reconnection/i.test(message)) {
      return refusal(400, "BAD_MESSAGE", "That seat is no longer held open. Join again.");
    }
    throw e;
  }
}

function send(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.destroyed) return;
  const text = answer.status === 204 ? "" : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...(answer.status === 204 ? {} : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) }),
    "Cache-Control": "no-store",
    ...answer.headers,
  });
  res.end(text);
  // A body we refused to read is not drained: the connection closes instead.
  if (!req.complete) res.once("finish", () => req.destroy());
}
