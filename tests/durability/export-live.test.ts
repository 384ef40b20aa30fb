// The export endpoint on the real app (createAccordServer with the SQLite
// store): what the host's download button fetches, after real play.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccordServer, type AccordServer } from "../../server/app.ts";
import { openSqliteStore } from "../../server/store/sqlite.ts";
import type { SessionState } from "../../shared/state.ts";
import { csvRecords } from "./csv-parse.ts";
import { quietLog } from "../../server/log.ts";

const dir = mkdtempSync(join(tmpdir(), "accord-export-live-"));
const store = openSqliteStore(dir);
let server: AccordServer;
let code: string;
let hostKey: string;

beforeAll(async () => {
  server = await createAccordServer({ port: 0, host: "127.0.0.1", store, log: quietLog(), restore: false });
  ({ code, hostKey } = await server.createSession());
  // A student joins and speaks in the team channel (allowed in the briefing).
  const room = await new Client(server.url).joinById(code, { name: "Ana", delegation: "china" });
  const acked = new Promise<void>((resolve) =>
    room.onMessage("*", (_t, m: { type: string; seq?: number }) => m.type === "ack" && m.seq === 1 && resolve()),
  );
  room.send("act", { seq: 1, action: { type: "say", channel: "team-china", text: 'We table "a,b" first' } });
  await acked;
  await room.leave(true);
});
afterAll(async () => {
  await server?.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers, signal: AbortSignal.timeout(5_000) });

describe("exports on the running server", () => {
  it("gives the host the session's JSON and CSV, with what was just said in them", async () => {
    const json = await get(`/api/sessions/${code}/export.json`, { Authorization: `Bearer ${hostKey}` });
    expect(json.status).toBe(200);
    const { state } = (await json.json()) as { state: SessionState };
    expect(state.code).toBe(code);
    expect(state.channels.find((c) => c.id === "team-china")?.messages.map((m) => m.text)).toEqual([
      'We table "a,b" first',
    ]);

    const csv = await get(`/api/sessions/${code}/export.csv?key=${encodeURIComponent(hostKey)}`);
    expect(csv.status).toBe(200);
    const actions = csvRecords(await csv.text());
    expect(actions.map((a) => a.type)).toContain("say");
    expect(actions.find((a) => a.type === "say")?.summary).toBe('said in team-china: We table "a,b" first');
  });

  it("refuses anyone without the host key", async () => {
    const res = await get(`/api/sessions/${code}/export.html`);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/^Only the host can export/);
  });
});
