// A class of several tables against the real server: created with one call,
// students typing the one class code land at the emptiest table, a wrong class
// code is refused and counted exactly as a wrong session code, the class's host
// key opens every table and runs them together, the projector's comparison
// holds nothing secret, and a restart keeps the class (SQLite journal).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { openSqliteStore, type SqliteSessionStore } from "../../server/store/sqlite.ts";
import { defaultScenario } from "../../content/load.ts";
import { Player, startServer } from "../server/harness.ts";
import { readSessionRequest } from "../../server/http/api.ts";
import { csvRecords } from "../durability/csv-parse.ts";

const WRONG_CODES = 6;
let dir: string;
let store: SqliteSessionStore;
let server: AccordServer;
const players: Player[] = [];

const start = () => startServer({ store, restore: true, joinLimits: { wrongSessionCodes: WRONG_CODES } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "accord-class-"));
  store = openSqliteStore(dir);
  server = await start();
});

afterAll(async () => {
  for (const p of players) await p.leave().catch(() => undefined);
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface MadeClass {
  code: string;
  hostKey: string;
  consoleUrl: string;
  joinUrl: string;
  screenUrl: string;
  tables: { table: number; code: string; hostUrl: string }[];
}

async function makeClass(body: Record<string, unknown>): Promise<MadeClass> {
  const res = await fetch(`${server.url}/api/classes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as MadeClass;
}

const seatFor = async (code: string) => {
  const res = await fetch(`${server.url}/api/classes/${code}/seat`, { method: "POST" });
  expect(res.status).toBe(200);
  return ((await res.json()) as { table: string }).table;
};

async function joinByClassCode(klass: MadeClass, name: string): Promise<{ player: Player; table: number }> {
  const table = await seatFor(klass.code);
  const player = await Player.join(server, table, { name }, name);
  players.push(player);
  return { player, table: klass.tables.findIndex((t) => t.code === table) + 1 };
}

const consoleOf = async (klass: MadeClass, key = klass.hostKey) =>
  fetch(`${server.url}/api/classes/${klass.code}`, { headers: { authorization: `Bearer ${key}` } });
const run = (klass: MadeClass, body: unknown) =>
  fetch(`${server.url}/api/classes/${klass.code}/run`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${klass.hostKey}` },
    body: JSON.stringify(body),
  });

describe("opening a class", () => {
  it("makes N tables of the same lesson with one class code and links", async () => {
    const klass = await makeClass({ tables: 3, scenario: "cyber-code", preset: "period-45" });
    expect(klass.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(klass.tables.map((t) => t.table)).toEqual([1, 2, 3]);
    expect(new Set([klass.code, ...klass.tables.map((t) => t.code)]).size).toBe(4);
    expect(klass.consoleUrl).toBe(`${server.url}/class/${klass.code}#key=${klass.hostKey}`);
    expect(klass.joinUrl).toBe(`${server.url}/j/${klass.code}`);
    expect(klass.screenUrl).toBe(`${server.url}/class/${klass.code}/screen`);
    // Every table has the chosen lesson.
    for (const t of klass.tables) {
      const state = (await server.sessions.state(t.code))!;
      expect(state.lesson?.preset).toBe("period-45");
      expect(t.hostUrl).toBe(`${server.url}/host/${t.code}#key=${klass.hostKey}`);
    }
    // The join page's look-up of the class code says it is a class, with nothing of any table.
    const facts = (await (await fetch(`${server.url}/api/sessions/${klass.code}`)).json()) as Record<string, unknown>;
    expect(facts).toEqual({
      code: klass.code,
      kind: "class",
      title: defaultScenario().title,
      tables: 3,
      joinable: true,
      delegations: [],
    });
  });

  it("refuses a class of 1 or 9 tables, and a bad lesson, naming each problem and making nothing", async () => {
    const before = store.listClasses().length;
    for (const tables of [1, 9, "2", undefined]) {
      const res = await fetch(`${server.url}/api/classes`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tables, preset: "period-99" }),
      });
      expect(res.status).toBe(400);
      const { errors } = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(errors.map((e) => e.path)).toEqual(["tables", "preset"]);
      expect(errors[0]!.message).toBe("a class has from 2 to 8 tables");
    }
    expect(store.listClasses().length).toBe(before);
  });
});

describe("the class code", () => {
  it("seats each student at the emptiest table, ties going to the earlier table", async () => {
    const klass = await makeClass({ tables: 3 });
    const landed: number[] = [];
    for (const name of ["Ana", "Ben", "Chen", "Dara", "Eli"]) landed.push((await joinByClassCode(klass, name)).table);
    expect(landed).toEqual([1, 2, 3, 1, 2]);
    // A student who joins a table by its own code counts there too: table 3 is no longer the emptiest.
    players.push(await Player.join(server, klass.tables[2]!.code, { name: "Fay" }, "Fay"));
    expect((await joinByClassCode(klass, "Gus")).table).toBe(1);
  });

  it("spreads students who ask at the same moment, before any of them has joined", async () => {
    const klass = await makeClass({ tables: 2 });
    const tables = await Promise.all([1, 2, 3, 4].map(() => seatFor(klass.code)));
    expect(tables.filter((t) => t === klass.tables[0]!.code).length).toBe(2);
    expect(tables.filter((t) => t === klass.tables[1]!.code).length).toBe(2);
  });

  it("skips a table that is locked", async () => {
    const klass = await makeClass({ tables: 2 });
    const host = await Player.join(server, klass.tables[0]!.code, { hostKey: klass.hostKey }, "host");
    players.push(host);
    await host.ok({ type: "session.lock", locked: true });
    expect(await seatFor(klass.code)).toBe(klass.tables[1]!.code);
    expect(await seatFor(klass.code)).toBe(klass.tables[1]!.code);
  });

  it("finds a student's table from their rejoin code", async () => {
    const klass = await makeClass({ tables: 2 });
    await joinByClassCode(klass, "Hana");
    const { player } = await joinByClassCode(klass, "Ivo");
    const rejoinCode = player.welcome.rejoinCode!;
    const res = await fetch(`${server.url}/api/classes/${klass.code}/seat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rejoinCode: `${rejoinCode.slice(0, 4)}-${rejoinCode.slice(4)}` }),
    });
    expect(await res.json()).toEqual({ table: klass.tables[1]!.code });
    const wrong = await fetch(`${server.url}/api/classes/${klass.code}/seat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rejoinCode: "AAAA-AAAA" }),
    });
    expect(wrong.status).toBe(404);
  });
});

describe("the class's host key", () => {
  it("opens the class console and every table's host seat; the console names who is where", async () => {
    const klass = await makeClass({ tables: 2 });
    await joinByClassCode(klass, "Jo");
    expect((await consoleOf(klass, "not-the-key")).status).toBe(403);
    expect((await fetch(`${server.url}/api/classes/${klass.code}`)).status).toBe(403);
    const res = await consoleOf(klass);
    expect(res.status).toBe(200);
    const view = (await res.json()) as {
      tables: { table: number; code: string; phase: string; students: { name: string }[] }[];
    };
    expect(view.tables.map((t) => [t.table, t.code, t.phase, t.students.map((s) => s.name)])).toEqual([
      [1, klass.tables[0]!.code, "briefing", ["Jo"]],
      [2, klass.tables[1]!.code, "briefing", []],
    ]);
    for (const t of klass.tables) {
      const host = await Player.join(server, t.code, { hostKey: klass.hostKey }, "host");
      players.push(host);
      expect(host.welcome.role).toBe("host");
      // The exports of each table too.
      const csv = await fetch(`${server.url}/api/sessions/${t.code}/export.csv?table=scores&key=${klass.hostKey}`);
      expect(csv.status).toBe(200);
    }
  });

  it("runs the phases and timers of every table together", async () => {
    const klass = await makeClass({ tables: 2 });
    const { player: kim } = await joinByClassCode(klass, "Kim");
    const next = (await (await run(klass, { run: "next-phase" })).json()) as { tables: unknown[] };
    expect(next.tables).toEqual([
      { table: 1, ok: true },
      { table: 2, ok: true },
    ]);
    for (const t of klass.tables) expect((await server.sessions.state(t.code))!.phase).toBe("opening");
    // The students see it at once.
    await kim.until(() => kim.view?.phase === "opening", "Kim's table in the opening");
    await run(klass, { run: "start-timer", minutes: 2 });
    for (const t of klass.tables)
      expect((await server.sessions.state(t.code))!.timer).toMatchObject({ state: "running", durationMs: 120_000 });
    await run(klass, { run: "pause-timer" });
    for (const t of klass.tables) expect((await server.sessions.state(t.code))!.timer.state).toBe("paused");
    // A bad command changes nothing and says what to send.
    const bad = await run(klass, { run: "explode" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('"next-phase"');
  });
});

describe("a wrong class code", () => {
  it("gets the refusal a wrong session code gets, and counts toward the same limit", async () => {
    const session = await fetch(`${server.url}/api/sessions/WWWWWW`);
    const classCompare = await fetch(`${server.url}/api/classes/WWWWWW/compare`);
    const classSeat = await fetch(`${server.url}/api/classes/XXXXXX/seat`, { method: "POST" });
    expect([session.status, classCompare.status, classSeat.status]).toEqual([404, 404, 404]);
    const words = await session.json();
    expect(await classCompare.json()).toEqual(words);
    expect(await classSeat.json()).toEqual(words);
    // Three wrong so far; the rest of the budget goes on class codes, then a new session code is refused too.
    for (let i = 3; i < WRONG_CODES; i++) await fetch(`${server.url}/api/classes/YYYYY${i}/compare`);
    // A class this address has never reached (made without it): past the limit, new codes wait, right or wrong.
    const request = readSessionRequest({});
    if (!request.ok) throw new Error("the default lesson was refused");
    const klass = await server.classes.create(request, 2);
    const blocked = await fetch(`${server.url}/api/classes/${klass.code}/compare`);
    expect(blocked.status).toBe(429);
    const sessionBlocked = await fetch(`${server.url}/api/sessions/WWWWWW`);
    expect(sessionBlocked.status).toBe(429);
    expect(await blocked.json()).toEqual(await sessionBlocked.json());
  });
});

describe("the class projector's comparison", () => {
  it("shows the tables' results once every table is at the debrief, and nothing secret", async () => {
    const klass = await makeClass({ tables: 2 });
    const scenario = defaultScenario();
    const host = await Player.join(server, klass.tables[0]!.code, { hostKey: klass.hostKey }, "host");
    const wei = await Player.join(server, klass.tables[0]!.code, { name: "Wei", delegation: "china" }, "Wei");
    const anna = await Player.join(
      server,
      klass.tables[0]!.code,
      { name: "Anna", delegation: "united-states" },
      "Anna",
    );
    players.push(host, wei, anna);
    const compare = async () =>
      (await (await fetch(`${server.url}/api/classes/${klass.code}/compare`)).json()) as {
        tables: { table: number; shown: boolean; final: boolean; results: Record<string, unknown> | null }[];
      };
    expect((await compare()).tables.map((t) => [t.table, t.shown])).toEqual([
      [1, false],
      [2, false],
    ]);
    // Table 1 negotiates: private words on the team channel and in a backroom, a provision, signatures.
    for (let i = 0; i < 2; i++) await host.ok({ type: "phase.next" });
    await wei.ok({ type: "say", channel: "team-china", text: "TEAM-SECRET fallback position" });
    await wei.ok({ type: "channel.open", with: ["united-states"], title: "BACKROOM-TITLE" });
    await wei.ok({ type: "provision.table", instrument: "code", card: "protected-schools-hospitals" });
    await host.ok({ type: "phase.next" });
    await host.ok({ type: "instrument.freeze", instrument: "code" });
    await host.ok({ type: "phase.next" });
    const version = (await server.sessions.state(klass.tables[0]!.code))!.instruments.find((i) => i.id === "code")!
      .frozen!.version;
    await wei.ok({ type: "sign", instrument: "code", version });
    await anna.ok({ type: "sign", instrument: "code", version });
    await host.ok({ type: "phase.next" });
    // Table 2 still negotiates: table 1's results (every delegation's walk-away) would give its briefs away.
    const held = (await compare()).tables;
    expect(held.map((t) => [t.table, t.shown, t.final, t.results])).toEqual([
      [1, false, true, null],
      [2, false, false, null],
    ]);
    // Table 2 reaches the debrief too: now both are shown.
    const host2 = await Player.join(server, klass.tables[1]!.code, { hostKey: klass.hostKey }, "host 2");
    players.push(host2);
    for (let i = 0; i < 5; i++) await host2.ok({ type: "phase.next" });
    const [one, two] = (await compare()).tables;
    expect(one).toMatchObject({ table: 1, shown: true, final: true });
    expect(two).toMatchObject({ table: 2, shown: true, final: true });
    const results = one!.results as {
      provisions: string[];
      signatures: { name: string; signer: string }[];
      codeCounts: boolean;
      scores: { delegation: string; score: number; walkAway: number }[];
    };
    const card = scenario.cards.find((c) => c.id === "protected-schools-hospitals")!;
    expect(results.provisions).toEqual([card.title]);
    expect(results.signatures.map((s) => s.signer)).toEqual(["Wei", "Anna"]);
    expect(results.codeCounts).toBe(true);
    // The same results the table's own debrief gives.
    const debrief = (await server.sessions.state(klass.tables[0]!.code))!.debrief!;
    expect(results.scores.map((s) => [s.delegation, s.score, s.walkAway])).toEqual(
      debrief.scores.map((s) => [s.delegation, s.score, s.walkAway]),
    );
    // The teacher's spreadsheet: a row per table and delegation, with the host key only.
    const csvUrl = `${server.url}/api/classes/${klass.code}/export.csv`;
    expect((await fetch(csvUrl)).status).toBe(403);
    const csv = await fetch(`${csvUrl}?key=${klass.hostKey}`);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="accord-class-${klass.code}.csv"`);
    const rows = csvRecords(await csv.text());
    expect(rows).toHaveLength(2 * scenario.delegations.length);
    const china = rows.find((r) => r.table === "1" && r.delegation === "China")!;
    const chinaScore = debrief.scores.find((d) => d.delegation === "china")!;
    expect(china).toMatchObject({
      table_code: klass.tables[0]!.code,
      phase: "Debrief",
      final: "true",
      signed_code: String(chinaScore.signedCode),
      score: String(chinaScore.score),
      walk_away: String(chinaScore.walkAway),
      code_counts: "true",
      agreed_provisions: card.title,
      signers: "China (Wei); United States (Anna)",
    });
    expect(rows.find((r) => r.table === "2")).toMatchObject({ final: "true", agreed_provisions: "", signers: "" });
    // Nothing secret reaches the projector: no brief, no card's quote, no channel, no seat secret.
    const raw = await (await fetch(`${server.url}/api/classes/${klass.code}/compare`)).text();
    expect(raw).not.toContain("TEAM-SECRET");
    expect(raw).not.toContain("BACKROOM-TITLE");
    expect(raw).not.toMatch(/"brief"|"instructions"|"token"|"rejoinCode"|"quote"|hostKey/);
    expect(raw).not.toContain(klass.tables[0]!.code);
    for (const d of scenario.delegations) {
      expect(raw).not.toContain(d.brief.instructions.slice(0, 40));
      expect(raw).not.toContain(d.brief.walkAway.alternative.slice(0, 40));
    }
  });
});

describe("a restart", () => {
  it("keeps the class: its code, its tables, its host key and who sits where", async () => {
    const klass = await makeClass({ tables: 2 });
    await joinByClassCode(klass, "Lea");
    await run(klass, { run: "compare", shown: true });
    // No one leaves: their seats are kept, as when the server stops under them.
    players.splice(0);
    await server.close();
    store.close();
    store = openSqliteStore(dir);
    server = await start();
    const res = await consoleOf(klass);
    expect(res.status).toBe(200);
    const view = (await res.json()) as {
      compareShown: boolean;
      tables: { code: string; students: { name: string }[] }[];
    };
    expect(view.compareShown).toBe(true);
    expect(view.tables.map((t) => [t.code, t.students.map((s) => s.name)])).toEqual([
      [klass.tables[0]!.code, ["Lea"]],
      [klass.tables[1]!.code, []],
    ]);
    expect((await joinByClassCode(klass, "Max")).table).toBe(2);
  });
});

describe("a class whose tables are all gone", () => {
  it("is forgotten at the next start, and its code refused like any wrong code", async () => {
    const klass = await makeClass({ tables: 2 });
    for (const t of klass.tables)
      await fetch(`${server.url}/api/sessions/${t.code}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${klass.hostKey}` },
      });
    // Until then the console says each table was deleted.
    const view = (await (await consoleOf(klass)).json()) as { tables: { exists: boolean; phaseTitle: string }[] };
    expect(view.tables.map((t) => [t.exists, t.phaseTitle])).toEqual([
      [false, "Deleted"],
      [false, "Deleted"],
    ]);
    players.splice(0);
    await server.close();
    server = await start();
    expect(store.loadClass(klass.code)).toBeNull();
    expect((await consoleOf(klass)).status).toBe(404);
  });
});
