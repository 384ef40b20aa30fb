// The last word on any request Express could not answer: a client's mistake
// (a malformed path, bad percent-encoding, a body that does not parse) is a
// 4xx in plain words; only the server's own faults are 5xx, logged without
// the request's content.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Log } from "../log.ts";

export function finalErrors(log: Log): [RequestHandler, ErrorRequestHandler] {
  const notFound: RequestHandler = (_req, res) => {
    res.status(404).type("text/plain; charset=utf-8").send("Not found.");
  };
  const failed: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const status =
      (err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
    const clientFault = typeof status === "number" && status >= 400 && status < 500;
    // decodeURIComponent's URIError on a malformed path is the client's, whatever status it carries.
    const code = clientFault ? status : err instanceof URIError ? 400 : 500;
    if (code >= 500)
      log.error({ method: req.method, err: (err as Error)?.message ?? String(err) }, "http request failed");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(code)
      .type("text/plain; charset=utf-8")
      .send(code >= 500 ? "The server could not answer that. Try again." : "The request was not understood.");
  };
  return [notFound, failed];
}
