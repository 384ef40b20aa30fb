// One HTTP/1.1 request written byte for byte on a socket, so a test can send
// what fetch would clean up (a malformed path, a lying Content-Length, a body
// that never ends) and see exactly what the server answers, and when.
import { connect } from "node:net";

export interface RawAnswer {
  /** 0 when the server closed the socket without an answer; -1 when it did not answer within the time. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Bytes of the body the client had written when the answer's status line arrived. */
  bodyBytesSent: number;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Written after the headers, in chunks of at most 16 KB. */
  body?: string | Buffer;
  /** Stop writing the body once the answer begins (a client that is told "too large"). */
  stopOnAnswer?: boolean;
  timeoutMs?: number;
}

export function rawRequest(port: number, req: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let sent = 0;
    let answered = false;
    let done = false;
    const finish = (answer: RawAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const parse = (): RawAnswer => {
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      const head = (end >= 0 ? text.slice(0, end) : text).split("\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? "")?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(":");
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      return { status, headers, body: end >= 0 ? text.slice(end + 4) : "", bodyBytesSent: sent };
    };
    const timer = setTimeout(
      () => finish({ ...parse(), status: received.length ? parse().status : -1 }),
      req.timeoutMs ?? 5_000,
    );
    let sentAtAnswer = 0;
    socket.on("data", (chunk) => {
      if (!answered) sentAtAnswer = sent;
      answered = true;
      received = Buffer.concat([received, chunk]);
      const answer = parse();
      const length = Number(answer.headers["content-length"] ?? NaN);
      // A switch to WebSocket has no body to wait for: the answer is the status line.
      if (answer.status === 101) return finish({ ...answer, bodyBytesSent: sentAtAnswer });
      if (answer.status && Number.isFinite(length) && Buffer.byteLength(answer.body, "latin1") >= length) {
        finish({ ...answer, bodyBytesSent: sentAtAnswer });
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => finish({ ...parse(), bodyBytesSent: sentAtAnswer || sent }));
    socket.on("connect", () => {
      const headers = { host: `127.0.0.1:${port}`, connection: "close", ...req.headers };
      if (req.headers?.upgrade) headers.connection = "Upgrade";
      const lines = [`${req.method} ${req.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
      const body = typeof req.body === "string" ? Buffer.from(req.body, "utf8") : req.body;
      if (!body) return;
      const writeMore = () => {
        while (sent < body.length && !done) {
          if (req.stopOnAnswer && answered) return;
          const chunk = body.subarray(sent, sent + 16 * 1024);
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once("drain", writeMore);
        }
      };
      writeMore();
    });
  });
}
