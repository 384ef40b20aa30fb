// Colyseus answers its own matchmaking requests (POST /matchmake/...) before
// Express sees them. This guard runs first: it checks the Origin, lets
// clients only join rooms the server made (no `create` or `joinOrCreate`),
// wakes a stored session that is not loaded yet, and limits failed joins per
// IP address so join codes cannot be found by trying. Refusals use the
// matchmaker's own answer shape, so colyseus.js reports them as errors.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { SessionCode } from "../../shared/ids.ts";
import type { OriginCheck } from "../limits/origin.ts";
import type { WindowCounter } from "../limits/rate.ts";
import { joinErrorCode, type RefusalCode } from "../../shared/protocol.ts";
import { ipOf } from "../limits/ip.ts";

export interface GuardDeps {
  originOk: OriginCheck;
  joinFailures: WindowCounter;
  /** Opens the session's room if it is stored; false if there is no such session. */
  ensureRoom(code: string): Promise<boolean>;
  trustProxy: boolean;
}

const MATCHMAKE = /^\/matchmake\/([A-Za-z]+)\/([^/?#]*)/;

export function guardMatchmaking(server: HttpServer, deps: GuardDeps): void {
  const downstream = server.listeners("request").slice() as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const pass = () => downstream.forEach((listener) => listener.call(server, req, res));
    const match = req.method === "POST" ? MATCHMAKE.exec(req.url ?? "") : null;
    if (!match) return pass();
    check(req, match[1]!, decodeURIComponent(match[2]!)).then(
      (refusal) => (refusal ? refuse(res, refusal[0], refusal[1]) : pass()),
      () => refuse(res, "INTERNAL", "The server could not open that session just now. Try again."),
    );
  });

  async function check(req: IncomingMessage, method: string, target: string): Promise<[RefusalCode, string] | null> {
    if (!deps.originOk(req.headers.origin, req.headers.host)) {
      return ["BAD_MESSAGE", "This page may not join sessions on this server."];
    }
    // `reconnect` carries a Colyseus reconnection token for a seat held open; the room checks it.
    if (method === "reconnect") return null;
    if (method !== "joinById") return ["UNKNOWN_SESSION", "Sessions are joined by their code."];
    const ip = ipOf(req, deps.trustProxy);
    const now = Date.now();
    if (deps.joinFailures.blocked(ip, now)) {
      return [
        "RATE_LIMITED",
        "Too many tries from this network. Wait a minute, then check the code with your teacher.",
      ];
    }
    const code = SessionCode.safeParse(target);
    if (code.success && code.data === target && (await deps.ensureRoom(code.data))) return null;
    deps.joinFailures.count(ip, now);
    return ["UNKNOWN_SESSION", "No session has that code. Check the code with your teacher."];
  }
}

function refuse(res: ServerResponse, code: RefusalCode, message: string): void {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ code: joinErrorCode(code), error: `${code}: ${message}` }));
}
