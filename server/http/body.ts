// Reads a small request body as it arrives and stops at a limit: a body that
// declares itself too large is refused before a byte is read, and one that
// grows past the limit is cut off there, so no request can make the server
// hold more than `limit` bytes of it.
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";

export type Body = { ok: true; text: string } | { ok: false; tooLarge: boolean };

export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, tooLarge: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Body) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
      if (!body.ok) req.pause();
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish({ ok: false, tooLarge: true });
      else chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString("utf8");
      finish({ ok: true, text });
    };
    const onError = () => finish({ ok: false, tooLarge: false });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
  });
}

/**
 * Express middleware: a JSON body of at most `limit` bytes in `req.body` (undefined when empty). Too
 * large or not JSON goes to the error handler as a 413 or 400, and a body cut off is not drained: the
 * connection closes after the answer.
 */
export function jsonBody(limit: number): RequestHandler {
  return (req, res, next) => {
    void readBody(req, limit).then((body) => {
      if (!body.ok) {
        if (!req.complete) res.once("finish", () => req.destroy());
        return next(
          Object.assign(new Error("request entity too large"), {
            status: body.tooLarge ? 413 : 400,
            type: body.tooLarge ? "entity.too.large" : "request.aborted",
          }),
        );
      }
      if (body.text.trim().length === 0) {
        req.body = undefined;
        return next();
      }
      try {
        req.body = JSON.parse(body.text) as unknown;
        next();
      } catch (e) {
        next(Object.assign(new Error((e as Error).message), { status: 400, type: "entity.parse.failed" }));
      }
    });
  };
}
