// Issue 9, findings 3, 4 and 5: the matchmaking door. A malformed path does
// not end the process; only colyseus.js's joinById and reconnect are served,
// at their exact paths, never create or joinOrCreate behind any prefix; every
// such POST has the Origin check and a small body limit that refuses an
// oversized body without reading it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { matchMaker } from "colyseus";
import type { AccordServer } from "../../server/app.ts";
import { createSession, Player, startServer } from "./harness.ts";
import { rawRequest } from "../../tools/raw-http.ts";

let server: AccordServer;
const opened: Player[] = [];

beforeAll(async () => {
  server = await startServer({ joinLimits: { wrongSessionCodes: 5 } });
});
afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

const alive = async () => (await fetch(`${server.url}/healthz`)).status === 200;
const roomCount = async () => (await matchMaker.query({})).length;
const post = (path: string, body = "{}", headers: Record<string, string> = {}) =>
  rawRequest(server.port, {
    method: "POST",
    path,
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...headers },
    body,
  });

describe("finding 3: a malformed matchmaking path", () => {
  it("bad percent-encoding answers 4xx and the server stays up", async () => {
    for (const path of [
      "/matchmake/joinById/%ZZ",
      "/matchmake/joinById/%",
      "/matchmake/reconnect/%E0%A4%A",
      "/matchmake/%ZZ/x",
    ]) {
      const answer = await post(path, "{}", { "content-type": "text/plain", origin: "https://anywhere.example" });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
    expect(await alive()).toBe(true);
  });
});

describe("finding 4: only joinById and reconnect, at their exact paths", () => {
  it("create and joinOrCreate are 404 at every path, and no room is made", async () => {
    const { code } = await createSession(server);
    const before = await roomCount();
    const paths = [
      "/matchmake/create/session",
      "/matchmake/joinOrCreate/session",
      "/matchmake/join/session",
      "/x/matchmake/joinOrCreate/session",
      "/x/matchmake/create/session",
      `/x/matchmake/joinById/${code}`,
      `/matchmake/joinById/${code}/extra`,
      `/matchmake/joinById/${code}?x=1`,
      `/api/x?/matchmake/create/session`,
      "/MATCHMAKE/../matchmake/create/session",
      "/matchmake",
    ];
    for (const path of paths) {
      const answer = await post(path, JSON.stringify({ name: "Mallory" }));
      expect(answer.status, path).toBe(404);
    }
    expect(await roomCount()).toBe(before);
  });

  it("colyseus.js through a prefixed address cannot create, joinOrCreate or join a live session", async () => {
    const { code } = await createSession(server);
    const before = await roomCount();
    const prefixed = new Client(`${server.url.replace("http", "ws")}/x`);
    const tries = [
      prefixed.joinOrCreate("session", { name: "Mallory" }),
      prefixed.create("session", { code, name: "Mallory" }),
      prefixed.joinById(code, { name: "Mallory" }),
      new Client(server.url).joinOrCreate("session", { name: "Mallory" }),
      new Client(server.url).create("session", { code }),
    ];
    for (const attempt of tries) await expect(attempt).rejects.toThrow();
    expect(await roomCount()).toBe(before);
    // Nobody took a seat in the live session: only its host's seat is there.
    expect((await server.sessions.state(code))!.seats.map((s) => s.role)).toEqual(["host"]);
  });

  it("other methods are 405, OPTIONS is a preflight, and none of them hangs", async () => {
    const { code } = await createSession(server);
    for (const method of ["GET", "PUT", "DELETE", "PATCH", "HEAD"]) {
      const answer = await rawRequest(server.port, { method, path: `/matchmake/joinById/${code}`, timeoutMs: 3_000 });
      expect(answer.status, method).toBe(405);
    }
    const preflight = await rawRequest(server.port, {
      method: "OPTIONS",
      path: `/matchmake/joinById/${code}`,
      headers: { origin: server.url, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(server.url);
    const hostile = await rawRequest(server.port, {
      method: "OPTIONS",
      path: `/matchmake/joinById/${code}`,
      headers: { origin: "https://evil.example" },
    });
    expect(hostile.status).toBe(403);
  });

  it("the Origin is checked on joinById and reconnect alike", async () => {
    const { code } = await createSession(server);
    for (const path of [`/matchmake/joinById/${code}`, `/matchmake/reconnect/${code}`]) {
      const answer = await post(path, JSON.stringify({ name: "Mallory", reconnectionToken: "x" }), {
        origin: "https://evil.example",
      });
      expect(answer.status, path).toBe(403);
      expect(JSON.parse(answer.body).error).toMatch(/^BAD_MESSAGE: /);
    }
  });

  it("once an address is limited, no other path lets it keep guessing codes", async () => {
    const other = await server.createSession();
    for (let i = 0; i < 5; i++) await post(`/matchmake/joinById/WXYWX${"34679"[i]}`, JSON.stringify({ name: "G" }));
    const limited = await post(`/matchmake/joinById/${other.code}`, JSON.stringify({ name: "G" }));
    expect(limited.status).toBe(429);
    for (const path of [
      `/x/matchmake/joinById/${other.code}`,
      `/matchmake/joinOrCreate/session`,
      `//matchmake/joinById/${other.code}`,
      `/matchmake/joinById/${other.code.toLowerCase()}`,
    ]) {
      const answer = await post(path, JSON.stringify({ name: "G" }));
      expect(answer.status, path).not.toBe(200);
    }
    expect((await fetch(`${server.url}/api/sessions/${other.code}`)).status).toBe(429);
  });
});

describe("WebSocket upgrades", () => {
  it("only a seat's socket address is upgraded; room names like constructor are refused at the door", async () => {
    const upgrade = (path: string) =>
      rawRequest(server.port, {
        method: "GET",
        path,
        headers: {
          upgrade: "websocket",
          "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
          "sec-websocket-version": "13",
        },
      });
    for (const path of ["/x/constructor?sessionId=1", "/x/__proto__", "/%ZZ/%ZZ", "/", "/x/WXYWXY/extra"]) {
      const answer = await upgrade(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
    // A seat's address is upgraded (and then refused by Colyseus for want of a reservation).
    expect((await upgrade("/proc_1/WXYWXY?sessionId=abc")).status).toBe(101);
    expect(await alive()).toBe(true);
  });
});

describe("finding 5: every POST has a body limit", () => {
  it("a matchmaking body declared at 200 MB is refused 413 before it is sent", async () => {
    const { code } = await createSession(server);
    const answer = await rawRequest(server.port, {
      method: "POST",
      path: `/matchmake/joinById/${code}`,
      headers: { "content-type": "application/json", "content-length": String(200 * 1024 * 1024) },
      body: Buffer.alloc(1024 * 1024, 0x20),
      stopOnAnswer: true,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatch(/^TOO_LARGE: /);
    expect(answer.bodyBytesSent).toBeLessThan(1024 * 1024 + 1);
    expect(await alive()).toBe(true);
  });

  it("a chunked matchmaking body is cut off once it passes 4 KB, without waiting for its end", async () => {
    const { code } = await createSession(server);
    const chunk = `4000\r\n${" ".repeat(0x4000)}\r\n`;
    const answer = await rawRequest(server.port, {
      method: "POST",
      path: `/matchmake/joinById/${code}`,
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      // 64 chunks of 16 KB and no final chunk: a server that waited for the end would never answer.
      body: chunk.repeat(64),
      stopOnAnswer: true,
    });
    expect(answer.status).toBe(413);
    expect(await alive()).toBe(true);
  });

  it("a scenario upload has its own larger limit, also refused before it is read", async () => {
    const answer = await rawRequest(server.port, {
      method: "POST",
      path: "/api/sessions",
      headers: { "content-type": "application/json", "content-length": String(200 * 1024 * 1024) },
      body: Buffer.alloc(1024 * 1024, 0x20),
      stopOnAnswer: true,
    });
    expect(answer.status).toBe(413);
    expect(await alive()).toBe(true);
  });

  it("a join with a small body still works", async () => {
    const { code } = await createSession(server);
    const mei = await Player.join(server, code, { name: "Mei" }, "mei");
    opened.push(mei);
    expect(mei.view!.seats.map((s) => s.name)).toContain("Mei");
  });
});
