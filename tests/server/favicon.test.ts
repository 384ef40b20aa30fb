// Every page shows Accord's icon in its tab, and none asks another site for it:
// the built pages link the icon file the server serves; the pages the server
// writes itself (the printable report, the not-built notice) carry it inline.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pagesRouter } from "../../server/http/pages.ts";
import type { AccordServer } from "../../server/app.ts";
import { createSession, startServer } from "./harness.ts";

const ICON = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/;

let server: AccordServer;
let session: Awaited<ReturnType<typeof createSession>>;
beforeAll(async () => {
  server = await startServer();
  session = await createSession(server);
});
afterAll(async () => {
  await server.close();
});

describe("the icon in every tab", () => {
  it.each([["/"], ["/j/CODE"], ["/host/CODE"], ["/screen/CODE"]])(
    "the page at %s links an icon the server serves",
    async (path) => {
      const page = await (await fetch(server.url + path.replace("CODE", session.code))).text();
      const href = page.match(ICON)?.[1];
      expect(href).toBeDefined();
      if (href!.startsWith("data:image/svg+xml")) return;
      expect(href).not.toMatch(/^(https?:)?\/\//);
      const icon = await fetch(new URL(href!, server.url + path));
      expect(icon.status).toBe(200);
      expect(await icon.text()).toMatch(/^<svg /);
    },
  );

  it("the printable report carries the icon inline and its policy lets the tab show it", async () => {
    const res = await fetch(`${server.url}/api/sessions/${session.code}/export.html`, {
      headers: { authorization: `Bearer ${session.hostKey}` },
    });
    expect(res.status).toBe(200);
    expect((await res.text()).match(ICON)?.[1]).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    expect(res.headers.get("content-security-policy")).toContain("img-src data:");
  });

  it("the notice shown before the pages are built has it too", async () => {
    const app = express().use(pagesRouter("/nonexistent-accord-build"));
    const plain = http.createServer(app);
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/`);
      expect(res.status).toBe(503);
      expect((await res.text()).match(ICON)?.[1]).toMatch(/^data:image\/svg\+xml,/);
    } finally {
      plain.close();
    }
  });
});
