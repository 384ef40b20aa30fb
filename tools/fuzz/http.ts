// An HTTP fuzz of every route: seeded, bounded, to 127.0.0.1 only. Each
// request is built from a real route (pages, API, exports, matchmaking,
// WebSocket upgrades) and then broken: bad percent-encoding, dot segments,
// huge or odd paths and queries, every method, odd headers, and bodies of
// every shape (none, bytes, JSON of the wrong kind, deep, huge). The server
// passes when it answers every request with 1xx-4xx within the time, and
// stays up: never a 5xx for a client's garbage, never a hang.
import { seeded, type Rng } from "../../shared/seeded.ts";
import { rawRequest, type RawRequest } from "../raw-http.ts";

export interface HttpFuzzTarget {
  port: number;
  /** A live session's code and host key, so some requests reach real sessions. */
  code: string;
  hostKey: string;
  /** A live class's code, so some requests reach a real class (server/classes). */
  classCode?: string;
  /** That class's host key, so some requests get past its key check. */
  classHostKey?: string;
}

export interface HttpFuzzOptions {
  seed: number;
  count: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** How long one request may take before it counts as a hang. Default 5 s. */
  timeoutMs?: number;
}

interface HttpFuzzFailure {
  index: number;
  request: string;
  status: number;
}

export interface HttpFuzzReport {
  seed: number;
  sent: number;
  /** How many answers had each status (0: closed without an answer; -1: no answer in time). */
  statuses: Record<string, number>;
  failures: HttpFuzzFailure[];
  ms: number;
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

const METHODS = ["GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "get"];
const FORMATS = ["html", "md", "csv", "json", "pdf", "", "%ZZ", "json.exe"];
const BAD_SEGMENTS = [
  "%ZZ",
  "%",
  "%E0%A4%A",
  "%00",
  "%2e%2e%2f%2e%2e",
  "..",
  "%C0%AF",
  "ü😀",
  "a".repeat(300),
  "%25%32%65",
  "[object Object]",
  "__proto__",
  "constructor",
  "",
];

const PACK_DOCS = [
  "",
  "plan",
  "handout",
  "questions",
  "rubric",
  "roles",
  "roles/china",
  "roles/__proto__",
  ...BAD_SEGMENTS,
];

function codeLike(rng: Rng, target: HttpFuzzTarget): string {
  const codes = target.classCode ? [target.code, target.classCode] : [target.code];
  return pick(rng, [...codes, target.code.toLowerCase(), "WXYWXY", "ABCDEF", "1", "", ...BAD_SEGMENTS]);
}

function basePath(rng: Rng, target: HttpFuzzTarget): string {
  const code = codeLike(rng, target);
  return pick(rng, [
    "/",
    `/j/${code}`,
    `/host/${code}`,
    `/screen/${code}`,
    "/healthz",
    "/api/scenarios",
    "/api/sessions",
    `/api/sessions/${code}`,
    `/api/sessions/${code}/qr.svg`,
    `/api/sessions/${code}/export.${pick(rng, FORMATS)}`,
    `/pack/${pick(rng, ["cyber-code", ...BAD_SEGMENTS])}/${pick(rng, PACK_DOCS)}`,
    `/host/${code}/pack/${pick(rng, PACK_DOCS)}`,
    "/pack/print.js",
    `/class/${code}`,
    `/class/${code}/screen`,
    "/api/classes",
    `/api/classes/${code}`,
    `/api/classes/${code}/${pick(rng, ["seat", "run", "compare", "qr.svg", "export.csv", ...BAD_SEGMENTS])}`,
    "/api/nothing",
    `/matchmake/joinById/${code}`,
    `/matchmake/reconnect/${code}`,
    "/matchmake/joinOrCreate/session",
    "/matchmake/create/session",
    `/x/matchmake/joinById/${code}`,
    "/assets/index.js",
    "/favicon.svg",
    `/${code}/${code}`,
    "*",
  ]);
}

function mutatePath(rng: Rng, path: string, target: HttpFuzzTarget): string {
  let out = path;
  const times = Math.floor(rng() * 3);
  for (let i = 0; i < times; i++) {
    switch (Math.floor(rng() * 9)) {
      case 0:
        out += `/${pick(rng, BAD_SEGMENTS)}`;
        break;
      case 1:
        out += pick(rng, ["/..", "/../../../etc/passwd", "//", "/", "/.", "/%2e%2e/%2e%2e/package.json"]);
        break;
      case 2:
        out += `?${pick(rng, [
          `key=${target.hostKey}`,
          `key=${target.classHostKey ?? target.hostKey}`,
          `key=${encodeURIComponent(target.classHostKey ?? target.hostKey).replace(/./, "%")}`,
          "key=",
          "key=a&key=b",
          "key[]=x",
          "key[__proto__]=1",
          "table=%ZZ",
          "table=scores&table=actions",
          "table[]=actions",
          "sessionId=%",
          "a=" + "b".repeat(Math.floor(rng() * 6000)),
          "%ZZ=%ZZ",
          "&&&==",
        ])}`;
        break;
      case 3:
        out = out.toUpperCase();
        break;
      case 4:
        out += "/" + "A".repeat(Math.floor(rng() * 9000));
        break;
      case 5:
        out = pick(rng, ["http://evil.example", "//evil.example", "http://127.0.0.1"]) + out;
        break;
      case 6:
        out = out.replace(/\//g, pick(rng, ["\\", "//", "/./"]));
        break;
      case 7:
        out += "#fragment";
        break;
      default:
        out += encodeURI(pick(rng, ["ä", " ", "\t", "<script>", "'", '"']));
    }
  }
  // A request line cannot hold a raw space, CR or LF: those would only test our own framing.
  return out.replace(/[\s]/g, "%20") || "/";
}

function body(rng: Rng, target: HttpFuzzTarget): Buffer | undefined {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  switch (Math.floor(rng() * 15)) {
    case 0:
    case 1:
      return undefined;
    case 2:
      return Buffer.from(Array.from({ length: Math.floor(rng() * 2000) }, () => Math.floor(rng() * 256)));
    case 3:
      return json(pick(rng, [{}, [], "text", null, 0, true, 1e308]));
    case 4:
      return Buffer.from("[".repeat(5000) + "]".repeat(5000));
    case 5:
      return Buffer.from('{"a":'.repeat(3000) + "1" + "}".repeat(3000));
    case 6:
      return json({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } });
    case 7:
      return json(pick(rng, [{ scenario: "cyber-code" }, { scenario: "../../etc/passwd" }, { scenario: { id: 1 } }]));
    case 8:
      return json(
        pick(rng, [
          { name: "Mallory" },
          { name: "x".repeat(500) },
          { hostKey: target.hostKey },
          { hostKey: "A".repeat(200) },
          { seatToken: "A".repeat(22) },
          { rejoinCode: "ACDE-FGHJ" },
          { observer: true },
          { reconnectionToken: "abc" },
          { name: { toString: 1 } },
        ]),
      );
    case 9:
      return Buffer.from("x".repeat(Math.floor(rng() * 300_000)));
    case 10:
      return Buffer.from("{not json");
    case 11:
      return json({ computer: [{ delegation: "china", difficulty: "nonsense" }], chair: 7, practise: "yes" });
    case 12:
      return Buffer.from("\uFEFF{}");
    case 13:
      // Class bodies: opening a class, seating, running every table.
      return json(
        pick(rng, [
          { scenario: "cyber-code", tables: pick(rng, [2, 8, 9, 1, 0, -1, 2.5, "2", 1e9, null]) },
          { tables: 2, scenario: { id: "x" } },
          { rejoinCode: pick(rng, ["ACDE-FGHJ", "", "x".repeat(40), "%ZZ"]) },
          { rejoinCode: 7 },
          {
            run: pick(rng, ["next-phase", "start-timer", "pause-timer", "resume-timer", "compare", "end", "__proto__"]),
          },
          { run: "start-timer", minutes: pick(rng, [0.5, 180, 181, -1, 1e308, "5"]) },
          { run: "compare", shown: pick(rng, [true, false, "yes", null]) },
          { run: "compare", shown: true, extra: 1 },
        ]),
      );
    default:
      return json({ title: "t", delegations: [{ id: "Not An Id" }], cards: "none" });
  }
}

function headers(rng: Rng, target: HttpFuzzTarget, port: number, hasBody: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  if (chance(rng, 0.7)) {
    h["content-type"] = pick(rng, [
      "application/json",
      "application/json; charset=utf-16",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=",
      "image/svg+xml",
      "application/json; charset=nonsense",
      "",
    ]);
  }
  if (chance(rng, 0.5)) {
    h.origin = pick(rng, [`http://127.0.0.1:${port}`, "https://evil.example", "null", "%%%", "http://[::1", ""]);
  }
  if (chance(rng, 0.4)) {
    h.authorization = pick(rng, [
      `Bearer ${target.hostKey}`,
      `Bearer ${target.classHostKey ?? target.hostKey}`,
      "Bearer",
      "Bearer x y",
      "Basic YTpi",
      `Bearer ${"k".repeat(5000)}`,
      "bearer  " + target.hostKey.toLowerCase(),
    ]);
  }
  if (chance(rng, 0.2)) h["x-forwarded-for"] = pick(rng, ["1.2.3.4", "::1, 10.0.0.1", "garbage", ""]);
  if (chance(rng, 0.1)) h["content-encoding"] = pick(rng, ["gzip", "deflate", "br", "nonsense"]);
  if (chance(rng, 0.1)) h.accept = pick(rng, ["*/*", "text/html", "application/json;q=x", ""]);
  if (chance(rng, 0.05)) h["x-big"] = "v".repeat(20_000);
  if (chance(rng, 0.1)) {
    // A WebSocket upgrade, to any path.
    h.upgrade = "websocket";
    h["sec-websocket-key"] = pick(rng, ["dGhlIHNhbXBsZSBub25jZQ==", "short", ""]);
    h["sec-websocket-version"] = pick(rng, ["13", "8", "x"]);
  }
  if (hasBody && chance(rng, 0.15)) h["transfer-encoding"] = "chunked";
  return h;
}

/** The n-th request of a seeded run. */
function fuzzRequest(rng: Rng, target: HttpFuzzTarget): RawRequest {
  const method = pick(rng, METHODS);
  const path = mutatePath(rng, basePath(rng, target), target);
  let payload = body(rng, target);
  const h = headers(rng, target, target.port, payload !== undefined);
  if (payload !== undefined) {
    if (h["transfer-encoding"] === "chunked") {
      payload = Buffer.concat([
        Buffer.from(`${payload.length.toString(16)}\r\n`),
        payload,
        Buffer.from("\r\n0\r\n\r\n"),
      ]);
    } else {
      h["content-length"] = String(payload.length);
    }
  }
  return { method, path, headers: h, ...(payload ? { body: payload } : {}), stopOnAnswer: true };
}

const describe = (r: RawRequest) =>
  `${r.method} ${r.path.slice(0, 200)} ${JSON.stringify(r.headers).slice(0, 300)} body ${r.body?.length ?? 0} B`;

/** Sends `count` seeded requests and reports every answer that was not 1xx-4xx in time. */
export async function fuzzHttp(target: HttpFuzzTarget, options: HttpFuzzOptions): Promise<HttpFuzzReport> {
  const started = Date.now();
  const rng = seeded(options.seed);
  const requests = Array.from({ length: options.count }, () => fuzzRequest(rng, target));
  const statuses: Record<string, number> = {};
  const failures: HttpFuzzFailure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index]!;
      const answer = await rawRequest(target.port, { ...request, timeoutMs: options.timeoutMs ?? 5_000 });
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (!(answer.status >= 100 && answer.status < 500)) {
        failures.push({ index, request: describe(request), status: answer.status });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return { seed: options.seed, sent: requests.length, statuses, failures, ms: Date.now() - started };
}
