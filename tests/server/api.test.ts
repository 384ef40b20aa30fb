// The HTTP API as a teacher's browser or an integration uses it: create,
// look up, QR code, scenarios, health, delete; refusals name every problem;
// origins are checked; failed lookups and joins are limited per address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import WebSocket from "ws";
import type { AccordServer } from "../../server/app.ts";
import { CODE_ALPHABET } from "../../shared/ids.ts";
import { LIMITS } from "../../shared/limits.ts";
import { miniInput } from "../fixtures/mini-scenario.ts";
import { createSession, Player, startServer } from "./harness.ts";

const FAILURES_PER_MINUTE = 8;
let server: AccordServer;
const opened: Player[] = [];

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startServer({
    joinLimits: { wrongSessionCodes: FAILURES_PER_MINUTE },
    allowedOrigins: ["https://school.example"],
  });
});

afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

describe("creating a session", () => {
  it("with no body uses the default scenario and answers the links", async () => {
    const res = await fetch(`${server.url}/api/sessions`, { method: "POST" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(Buffer.from(body.hostKey, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(body.hostUrl).toBe(`${server.url}/host/${body.code}#key=${body.hostKey}`);
    expect(body.joinUrl).toBe(`${server.url}/j/${body.code}`);
    expect(body.observerUrl).toBe(`${server.url}/screen/${body.code}`);
    const facts = (await (await fetch(`${server.url}/api/sessions/${body.code}`)).json()) as any;
    expect(facts).toMatchObject({ code: body.code, phase: "briefing", locked: false, ended: false, joinable: true });
    expect(facts.delegations.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(["china", "russia", "united-states", "united-kingdom", "japan"]),
    );
    expect(facts.delegations[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      colour: expect.stringMatching(/^#/),
      emblem: expect.any(String),
      seated: 0,
    });
    // Public facts only: no brief, no token.
    expect(JSON.stringify(facts)).not.toMatch(/"brief"|"token"|"instructions"/);
  });

  it("by scenario id, and with a whole scenario document", async () => {
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as any;
    expect(listed.scenarios).toContainEqual(expect.objectContaining({ id: "cyber-code", title: expect.any(String) }));
    const byId = await post({ scenario: "cyber-code" });
    expect(byId.status).toBe(201);
    const own = await post(miniInput());
    expect(own.status).toBe(201);
    const { code } = (await own.json()) as any;
    expect(((await (await fetch(`${server.url}/api/sessions/${code}`)).json()) as any).title).toBe("Mini code");
  });

  it("a broken scenario is refused with every error named, and no session is created", async () => {
    const before = server.store.list().length;
    const broken = miniInput() as Record<string, unknown> & { delegations: Record<string, unknown>[] };
    delete broken.delegations[0]!.name;
    broken.delegations[1]!.colour = "red";
    const res = await post(broken);
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as any;
    const paths = errors.map((e: { path: string }) => e.path);
    expect(paths).toContain("delegations.0.name");
    expect(paths).toContain("delegations.1.colour");
    for (const e of errors) expect(e.message.length).toBeGreaterThan(3);
    expect(server.store.list().length).toBe(before);
  });

  it("unknown scenario ids, bad JSON and oversized bodies are refused in the same shape", async () => {
    let res = await post({ scenario: "atlantis" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0]).toMatchObject({ path: "scenario" });
    res = await post("{not json");
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0]).toMatchObject({ path: "(body)" });
    res = await post({ ...miniInput(), summary: "x".repeat(LIMITS.scenarioBytes) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].path).toBe("(body)");
  });

  it("only the server's own pages and the allowed origins may create sessions", async () => {
    const host = new URL(server.url).host;
    expect((await post({}, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post({}, { origin: `http://${host}` })).status).toBe(201);
    expect((await post({}, { origin: "https://school.example" })).status).toBe(201);
  });
});

describe("looking a session up", () => {
  it("answers 404 for an unknown code and a QR code of the join link for a known one", async () => {
    const missing = await fetch(`${server.url}/api/sessions/WWWWWW`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error).toMatch(/No session/);
    const { code } = await createSession(server);
    const qr = await fetch(`${server.url}/api/sessions/${code}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const svg = await qr.text();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("<path");
    expect((await fetch(`${server.url}/api/sessions/WWWWWW/qr.svg`)).status).toBe(404);
  });

  it("health and pages answer", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    const home = await fetch(`${server.url}/`);
    expect([200, 503]).toContain(home.status);
    expect(await home.text()).toMatch(/<html|<!doctype/i);
    expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
  });
});

describe("deleting a session", () => {
  it("needs the host key; then clients are told and the session is gone", async () => {
    const { code, hostKey } = await createSession(server);
    const wei = await Player.join(server, code, { name: "Wei" }, "wei");
    opened.push(wei);
    const wrong = await fetch(`${server.url}/api/sessions/${code}`, {
      method: "DELETE",
      headers: { authorization: "Bearer nope-nope-nope-nope" },
    });
    expect(wrong.status).toBe(403);
    const from = wei.received.length;
    const res = await fetch(`${server.url}/api/sessions/${code}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${hostKey}` },
    });
    expect(res.status).toBe(204);
    expect((await wei.next("notice", from)).kind).toBe("session-deleted");
    expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(404);
    expect(server.store.load(code)).toBeNull();
  });
});

describe("origins", () => {
  const upgrade = (origin: string | undefined) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/any/ABCDEF?sessionId=x`, origin ? { origin } : {});
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => {
        ws.close();
        resolve(101);
      });
      ws.on("error", () => resolve(-1));
    });

  it("a page from another origin cannot open a socket or ask to join", async () => {
    expect(await upgrade("https://evil.example")).toBe(401);
    expect(await upgrade(server.url)).toBe(101);
    expect(await upgrade("https://school.example")).toBe(101);
    const { code } = await createSession(server);
    const client = new Client(server.url);
    // colyseus.js in Node sends no Origin; a browser page elsewhere would: set one as such a page does.
    (client as unknown as { http: { headers: Record<string, string> } }).http.headers = {
      origin: "https://evil.example",
    };
    const result = await client.joinById(code, { name: "Mallory" }).then(
      () => "joined",
      (e: Error) => e.message,
    );
    expect(result).toMatch(/^BAD_MESSAGE: /);
  });
});

describe("join codes cannot be found by trying", () => {
  it("after a few failed lookups and joins from one address, even a right code new to it is refused for a while", async () => {
    // Made elsewhere (not by this address, which would then know the code).
    const { code } = await server.createSession();
    for (let i = 0; i < FAILURES_PER_MINUTE; i++) {
      const guess = `${"WXY"[i % 3]}${"34679"[i % 5]}AAAA`;
      const res = i % 2 ? await fetch(`${server.url}/api/sessions/${guess}`) : null;
      if (!res) await new Client(server.url).joinById(guess, { name: "Guess" }).catch(() => {});
    }
    const refused = await new Client(server.url).joinById(code, { name: "Guesser" }).then(
      () => "joined",
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/^RATE_LIMITED: /);
    expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(429);
  });
});
