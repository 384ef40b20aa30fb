// The client pages, built by Vite into dist/client. One page per kind of
// seat: the join page (also behind a join link), the host console and the
// projector. Without a build, a short page says how to make one.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import { FAVICON_LINK } from "../favicon.ts";

// ACCORD_CLIENT_DIR serves another build (the browser tests serve their test build, dist/client-test).
const CLIENT_DIR = process.env.ACCORD_CLIENT_DIR
  ? resolve(process.env.ACCORD_CLIENT_DIR)
  : resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "client");

const PAGES: [route: string, file: string][] = [
  ["/", "index.html"],
  ["/j/:code", "index.html"],
  ["/host/:code", "host.html"],
  ["/screen/:code", "screen.html"],
  ["/class/:code", "class.html"],
  ["/class/:code/screen", "class-screen.html"],
];

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Accord</title>${FAVICON_LINK}
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Accord</h1><p>The game's pages have not been built yet. Run <code>npm run build</code> (or start with <code>npm start</code>), then reload this page.</p></body></html>`;

export function pagesRouter(dir: string = CLIENT_DIR): Router {
  const router = Router();
  for (const [route, file] of PAGES) {
    router.get(route, (_req, res) => {
      // The host link carries its key in the fragment, which browsers never send; no referrer leaks the path either.
      res.set({ "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache" });
      const page = join(dir, file);
      if (existsSync(page)) res.sendFile(page);
      else res.status(503).type("html").send(NOT_BUILT);
    });
  }
  router.use(express.static(dir, { index: false, fallthrough: true }));
  return router;
}
