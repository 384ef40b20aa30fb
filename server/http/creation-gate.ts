// The door before anything is created (a session, a class): only from this
// server's own pages, and at most so many per network in a while, so one
// address cannot fill the server with rooms. One door for both routes.
import type { NextFunction, Request, Response } from "express";
import type { OriginCheck } from "../limits/origin.ts";
import type { WindowCounter } from "../limits/rate.ts";

export const clientIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? "unknown";

export function creationGate(
  deps: { originOk: OriginCheck; creations: WindowCounter },
  what: "Sessions" | "Classes",
  now: () => number = Date.now,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!deps.originOk(req.get("origin"), req.get("host"))) {
      res.status(403).json({ error: `${what} can only be created from this server's own pages.` });
      return;
    }
    const ip = clientIp(req);
    if (deps.creations.blocked(ip, now())) {
      res.status(429).json({ error: "Too many sessions created from this network. Wait a few minutes." });
      return;
    }
    deps.creations.count(ip, now());
    next();
  };
}
