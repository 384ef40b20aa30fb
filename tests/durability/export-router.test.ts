// The export endpoint over real HTTP on 127.0.0.1: the host gets the files,
// anyone else a plain 403, an unknown session a 404.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportRouter } from "../../server/exports/router.ts";
import { csvRecords } from "./csv-parse.ts";
import { debriefEntries, debriefState, HOST_KEY, NASTY } from "./fixtures.ts";

const state = debriefState("ACDEFG");
const entries = debriefEntries();
let server: Server;
let base: string;
const asked: string[] = [];

beforeAll(async () => {
  const app = express();
  app.use(
    exportRouter({
      getSession: (code) => {
        asked.push(code);
        return code === "ACDEFG" ? { state, entries } : null;
      },
    }),
  );
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers, signal: AbortSignal.timeout(5_000) });

describe("GET /api/sessions/:code/export.:format", () => {
  it("gives the host every format with the host key as a bearer token", async () => {
    const auth = { Authorization: `Bearer ${HOST_KEY}` };
    const html = await get("/api/sessions/ACDEFG/export.html", auth);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-disposition")).toBe('inline; filename="accord-ACDEFG.html"');
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html.headers.get("cache-control")).toBe("no-store");
    expect(await html.text()).toContain("Critical infrastructure off limits");

    const md = await get("/api/sessions/ACDEFG/export.md", auth);
    expect(md.headers.get("content-disposition")).toBe('attachment; filename="accord-ACDEFG.md"');
    expect(await md.text()).toContain("# A test code of conduct");

    const json = await get("/api/sessions/ACDEFG/export.json", auth);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await json.json()) as { state: { code: string } }).state.code).toBe("ACDEFG");

    const csv = await get("/api/sessions/ACDEFG/export.csv", auth);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="accord-ACDEFG.csv"');
    expect(csvRecords(await csv.text()).map((r) => r.type)).toEqual(entries.map((e) => e.command.type));
  });

  it("takes the key from ?key= too, a lower-case code, and a CSV table by name", async () => {
    const res = await get(`/api/sessions/acdefg/export.csv?table=provisions&key=${HOST_KEY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="accord-ACDEFG-provisions.csv"');
    expect(csvRecords(await res.text()).find((r) => r.provision === "p5")?.["final text"]).toBe(NASTY);
  });

  it("refuses without the host key, with a wrong key, and with a delegate's seat token: 403 in plain words", async () => {
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: "Bearer not-the-host-key-at-all" },
      { Authorization: "Bearer token-of-mei-0123456789ab" },
      { Authorization: `Basic ${HOST_KEY}` },
    ]) {
      const res = await get("/api/sessions/ACDEFG/export.json", headers);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      const body = await res.text();
      expect(body).toMatch(/^Only the host can export this session/);
      expect(body).not.toContain("Critical infrastructure");
    }
    const byQuery = await get(`/api/sessions/ACDEFG/export.html?key=${HOST_KEY}x`);
    expect(byQuery.status).toBe(403);
  });

  it("answers 404 for an unknown session, a malformed code or an unknown format, and 400 for an unknown table", async () => {
    const auth = { Authorization: `Bearer ${HOST_KEY}` };
    asked.length = 0;
    expect((await get("/api/sessions/HJKMNP/export.html", auth)).status).toBe(404);
    expect(asked).toEqual(["HJKMNP"]);
    const malformed = await get("/api/sessions/0OIL12/export.html", auth);
    expect(malformed.status).toBe(404);
    expect(await malformed.text()).toBe("No session has that code.");
    expect((await get("/api/sessions/ACDEFG/export.pdf", auth)).status).toBe(404);
    const table = await get("/api/sessions/ACDEFG/export.csv?table=seats", auth);
    expect(table.status).toBe(400);
    expect(await table.text()).toMatch(/Unknown table/);
    // A malformed code, format or table never reaches the session lookup.
    expect(asked).toEqual(["HJKMNP"]);
  });
});
