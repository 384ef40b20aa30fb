// What other processes know of a session: its room's listing in the shared
// driver carries the session's public facts as metadata (kept in step by the
// room through listing-facts.ts). A process that does not hold the session answers GET /api/sessions/:code
// from there, and sends the requests only the owner can answer (exports,
// deletion, the QR code) to the owner's public address.
import type { NextFunction, Request, Response } from "express";
import { matchMaker } from "colyseus";
import { SessionCode } from "../../shared/ids.ts";
import type { PublicFacts } from "../room/public-facts.ts";

export interface Elsewhere {
  facts: PublicFacts;
  /** Where the owning process takes requests, e.g. "127.0.0.1:2568" or "accord.example.org/p2". */
  publicAddress: string | null;
}

/**
 * The session's listing when its room lives on another process; null when it
 * is here (live or stored) or nowhere.
 */
export async function findElsewhere(code: string, isLocal: (code: string) => boolean): Promise<Elsewhere | null> {
  const parsed = SessionCode.safeParse(code);
  if (!parsed.success || isLocal(parsed.data)) return null;
  const [listing] = await matchMaker.query({ roomId: parsed.data });
  if (!listing || listing.processId === matchMaker.processId) return null;
  const facts = (listing.metadata as { facts?: PublicFacts } | undefined)?.facts;
  if (!facts) return null;
  return { facts, publicAddress: (listing as { publicAddress?: string }).publicAddress ?? null };
}

/**
 * Express middleware: answers GET /api/sessions/:code from the listing when the
 * session lives on another process, and redirects (307, method and body kept)
 * the session's other routes to that process's public address.
 */
export function routeToOwner(isLocal: (code: string) => boolean) {
  const ROUTE = /^\/api\/sessions\/([^/?#]+)(\/[^?#]*)?/;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = ROUTE.exec(req.path);
    if (!match) return next();
    let found: Elsewhere | null;
    try {
      found = await findElsewhere(decodeURIComponent(match[1]!), isLocal);
    } catch {
      return next(); // Redis unreachable: answer from this process alone
    }
    if (!found) return next();
    if (req.method === "GET" && !match[2]) {
      res.json(found.facts);
      return;
    }
    if (!found.publicAddress) return next();
    res.redirect(307, `${req.protocol}://${found.publicAddress}${req.originalUrl}`);
  };
}
