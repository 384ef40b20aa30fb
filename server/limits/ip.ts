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

/**
 * The key an address is limited under. One IPv6 user typically holds a whole /64 (2^64 addresses), so
 * IPv6 addresses are limited by their first 64 bits; IPv4 (and IPv4 written as IPv6) by the address.
 */
export function limitKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail] = ip.split("%")[0]!.toLowerCase().split("::");
  const front = head ? head.split(":") : [];
  const back = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => (g ? g.replace(/^0+(?=.)/, "") : "0"))
    .join(":")}::/64`;
}
