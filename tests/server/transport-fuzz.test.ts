// The transport fuzz in every `npm test`: a real server on 127.0.0.1, real
// sockets, a few thousand generated bad messages of every shape from a
// delegate and a projector (tools/fuzz/transport.ts). Each must be answered
// with a coded error, the senders stay connected, no watcher hears a thing,
// the session does not change, and the server still serves. The long run is
// `npm run fuzz -- --transport --count 100000` (docs/security.md, Fuzzing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { fuzzTransport } from "../../tools/fuzz/transport.ts";
import { miniInput } from "../fixtures/mini-scenario.ts";
import { createSession, startServer } from "./harness.ts";

const SEED = 20261130;
let server: AccordServer;

beforeAll(async () => {
  // The rate limit has its own test (refusals.test.ts); here every message must reach the message entry.
  server = await startServer({ rate: { burst: 1e9, perSecond: 1e9 } });
});

afterAll(async () => {
  await server.close();
});

describe("transport fuzz", () => {
  it(`seed ${SEED}: 3,000 bad messages, each answered with a coded error, and nothing else changes`, async () => {
    const { code, hostKey } = await createSession(server, { scenario: miniInput() });
    const report = await fuzzTransport(
      {
        url: server.url,
        code,
        hostKey,
        delegations: ["china", "usa"],
        stateOf: async () => JSON.stringify(await server.sessions.state(code)),
      },
      { seed: SEED, count: 3_000 },
    );
    expect(report.failures).toEqual([]);
    expect(report.sent).toBe(3_000);
    // Every shape was tried, and the answers were the entry's own codes.
    expect(Object.keys(report.shapes).sort()).toEqual(
      ["act", "any", "bytes", "deep", "frame:bad-msgpack", "frame:random", "huge", "refused"].sort(),
    );
    expect(Object.keys(report.codes).sort()).toEqual(
      expect.arrayContaining(["BAD_MESSAGE", "TOO_LARGE", "UNKNOWN_MESSAGE"]),
    );
    // The well-formed ones reached the rules, which refused them in their own words.
    expect(Object.keys(report.codes)).toEqual(
      expect.arrayContaining(["NOT_YOUR_DELEGATION", "UNKNOWN_JOB", "UNKNOWN_SEAT", "WRONG_PHASE", "NOT_HOST"]),
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
