// Issue 9: an HTTP fuzz of every route, seeded and short (the long run is
// `npm run fuzz -- --http --count 100000`). Every request gets a 1xx-4xx
// answer in time, the server stays up, and the live session is untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { fuzzHttp } from "../../tools/fuzz/http.ts";
import { Player, startServer } from "./harness.ts";
import { readSessionRequest } from "../../server/http/api.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
let server: AccordServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe(`HTTP fuzz (seed ${SEED})`, () => {
  it("answers 600 broken requests on every route with 1xx-4xx, never a 5xx or a hang, and stays up", async () => {
    const { code, hostKey } = await server.createSession();
    const host = await Player.join(server, code, { hostKey }, "host");
    const before = JSON.stringify(host.view);

    const request = readSessionRequest({});
    if (!request.ok) throw new Error("the default session request was refused");
    const klass = await server.classes.create(request, 2);
    const report = await fuzzHttp(
      { port: server.port, code, hostKey, classCode: klass.code, classHostKey: klass.hostKey },
      { seed: SEED, count: 600 },
    );
    expect(report.failures, JSON.stringify(report.failures.slice(0, 5), null, 1)).toEqual([]);
    // It reached the routes, not only the 404 page.
    expect(Object.keys(report.statuses).length).toBeGreaterThan(5);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The fuzz holds the host key, so it may have deleted the session; if not, nobody took a seat in it.
    const state = await server.sessions.state(code);
    if (state) expect(state.seats.filter((s) => s.role !== "host" && s.role !== "observer").length).toBeLessThan(50);
    expect(before.length).toBeGreaterThan(0);
    await host.leave();
  }, 60_000);
});
