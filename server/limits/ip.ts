// The address a request comes from, for per-IP limits. Forwarding headers are
// believed only behind a reverse proxy the operator vouches for (TRUST_PROXY);
// otherwise anyone could dodge a limit by sending a new X-Forwarded-For.
import type { IncomingMessage } from "node:http";

export function ipOf(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers["x-real-ip"] ?? req.headers["x-forwarded-for"];
    const first = (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}
