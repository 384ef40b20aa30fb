// Opening a class makes a session per table, so each table counts against the
// address's budget of sessions created (docs/security.md, "Other limits"), as
// if they had been made one by one: a class of 8 is 8 sessions, not 1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { startServer } from "../server/harness.ts";

let server: AccordServer;
beforeAll(async () => {
  server = await startServer({ creationsPer10Minutes: 10 });
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the budget of sessions created, with classes", () => {
  it("counts every table of a class, so classes make no more sessions than the budget allows", async () => {
    expect((await post("/api/classes", { scenario: "cyber-code", tables: 8 })).status).toBe(201);
    expect((await post("/api/classes", { scenario: "cyber-code", tables: 2 })).status).toBe(201);
    // Ten sessions made from this address: the next is refused, in words.
    const more = await post("/api/sessions", { scenario: "cyber-code" });
    expect(more.status).toBe(429);
    expect(((await more.json()) as { error: string }).error).toContain("Too many sessions");
    expect((await post("/api/classes", { scenario: "cyber-code", tables: 2 })).status).toBe(429);
  });
});
