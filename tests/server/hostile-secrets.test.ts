// Classes, jobs, declining to sign and the teacher's pack, checked from the
// side of a student who would like to see more than their seat may:
// everything their socket ever receives, events included, and what the pack
// answers to a wrong key or none (reflection: tests/lesson/reflection-server.test.ts).
import { describe, expect, it } from "vitest";
import { loadScenarioFile, listScenarios } from "../../content/load.ts";
import { escapeHtml } from "../../server/exports/escape.ts";
import { createSession, type Player, serverForFile, until } from "./harness.ts";

const file = serverForFile();

const join = (code: string, options: Parameters<typeof Player.join>[2], label: string) =>
  file.seat(code, options, label);

function cyberCode() {
  const loaded = loadScenarioFile(listScenarios().find((s) => s.id === "cyber-code")!.file);
  if (!loaded.ok) throw new Error("cyber-code does not load");
  return loaded.scenario;
}

describe("a student seated by a class code", () => {
  it("never receives the class's host key, another table's code or another delegation's brief, while the class console runs the tables", async () => {
    const made = await fetch(`${file.server.url}/api/classes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "cyber-code", tables: 2 }),
    });
    expect(made.status).toBe(201);
    const klass = (await made.json()) as { code: string; hostKey: string; tables: { code: string }[] };
    const seat = async () => {
      const res = await fetch(`${file.server.url}/api/classes/${klass.code}/seat`, { method: "POST" });
      const text = await res.text();
      // The seat answer names one table, and nothing else of the class.
      expect(text).not.toContain(klass.hostKey);
      return (JSON.parse(text) as { table: string }).table;
    };
    const anaTable = await seat();
    const ana = await join(anaTable, { name: "Ana", delegation: "china" }, "ana");
    const kimTable = await seat();
    expect(kimTable).not.toBe(anaTable);
    const kim = await join(kimTable, { name: "Kim", delegation: "japan" }, "kim");
    const projector = await join(anaTable, { observer: true }, "projector");
    // The tables' hosts: the class key opens each table's console.
    const host = await join(anaTable, { hostKey: klass.hostKey }, "host");

    const run = (body: unknown) =>
      fetch(`${file.server.url}/api/classes/${klass.code}/run`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${klass.hostKey}` },
        body: JSON.stringify(body),
      });
    // Briefing to Signing at both tables, from the class console; jobs, a frozen text and a refusal to sign on the way.
    const next = async () => expect((await run({ run: "next-phase" })).status).toBe(200);
    await next();
    await next();
    await until(() => ana.view?.phase === "negotiation", "Negotiation at Ana's table");
    const ben = await join(anaTable, { name: "Ben", delegation: "china" }, "ben");
    await ana.ok({ type: "seat.job", seat: ben.seat, job: "analyst" });
    await host.ok({ type: "seat.job", seat: ben.seat, job: "liaison" });
    await ana.ok({ type: "provision.table", instrument: "code", card: "protected-infrastructure" });
    await next();
    await until(() => host.view?.phase === "final-text", "Final text at Ana's table");
    await host.ok({ type: "instrument.freeze", instrument: "code" });
    await next();
    await until(() => ana.view?.phase === "signing" && kim.view?.phase === "signing", "Signing at both tables");
    const code = ana.view!.instruments[0]!;
    await ana.ok({ type: "sign.decline", instrument: code.id, version: code.frozen!.version });

    const scenario = cyberCode();
    const others = (own: string) => scenario.delegations.filter((d) => d.id !== own);
    for (const [p, own] of [
      [ana, "china"],
      [ben, "china"],
      [kim, "japan"],
      [projector, ""],
    ] as const) {
      const heard = p.transcript();
      expect(heard, p.label).not.toContain(klass.hostKey);
      expect(heard, p.label).not.toMatch(/"(hostKey|token|seatTokenHash|hostTokenHash)"/);
      for (const t of klass.tables)
        if (t.code !== (p === kim ? kimTable : anaTable)) expect(heard).not.toContain(t.code);
      for (const d of others(own)) {
        expect(heard, `${p.label} reads ${d.id}'s brief`).not.toContain(d.brief.instructions.slice(-80));
        expect(heard, `${p.label} reads ${d.id}'s walk-away`).not.toContain(d.brief.walkAway.alternative.slice(0, 60));
      }
    }
    // The seat.job events went to China and the host, not to the projector.
    expect(ben.received.some((m) => m.type === "event" && m.event.type === "seat.job")).toBe(true);
    expect(projector.received.some((m) => m.type === "event" && m.event.type === "seat.job")).toBe(false);
    // Everyone at the table hears that China declined; Kim's table does not.
    await until(
      () => projector.received.some((m) => m.type === "event" && m.event.type === "sign.decline"),
      "the refusal on the projector",
    );
    expect(kim.received.some((m) => m.type === "event" && m.event.type === "sign.decline")).toBe(false);

    // The debrief at both tables: Ana's answer reaches her and the host, and, once shown, the projector without her name.
    await next();
    await until(() => ana.view?.phase === "debrief" && kim.view?.phase === "debrief", "the debrief at both tables");
    const ANSWER = "Signing late cost China its say on the wording.";
    await ana.ok({ type: "reflection.answer", question: 0, text: ANSWER });
    await until(() => host.view?.reflections?.length === 1, "the answer on the host's screen");
    const compare = async () => (await fetch(`${file.server.url}/api/classes/${klass.code}/compare`)).text();
    for (const p of [ben, kim, projector]) expect(p.transcript(), p.label).not.toContain(ANSWER);
    expect(await compare()).not.toContain(ANSWER);
    const mark = projector.received.length;
    await host.ok({ type: "reflection.show", shown: true });
    await until(() => projector.view?.shownReflections?.[0]?.answers.length === 1, "the answer on the projector");
    // What carries the answer carries no name or seat beside it (a whole view names the seats elsewhere in it).
    for (const m of projector.received.slice(mark)) {
      const carried = JSON.stringify(m.type === "view" ? m.view.shownReflections : m);
      if (!carried.includes(ANSWER)) continue;
      expect(carried).not.toContain("Ana");
      expect(carried).not.toContain(`"${ana.seat}"`);
    }
    expect(kim.transcript()).not.toContain(ANSWER);
    expect(await compare()).not.toContain(ANSWER);
  });
});

describe("the teacher's pack of a session", () => {
  it("answers a missing key, a wrong key and another session's key the same way, with nothing of the briefs", async () => {
    const a = await createSession(file.server, { scenario: "cyber-code" });
    const b = await createSession(file.server, { scenario: "cyber-code" });
    const scenario = cyberCode();
    for (const doc of ["/roles", "/roles/china", ""]) {
      const answers = [];
      for (const init of [
        {},
        { headers: { authorization: "Bearer nope" } },
        { headers: { authorization: `Bearer ${b.hostKey}` } },
        { query: `?key=${encodeURIComponent(b.hostKey)}` },
        { query: "?key=" },
        { query: `?key=${a.hostKey.toUpperCase()}` },
      ] as { headers?: Record<string, string>; query?: string }[]) {
        const res = await fetch(`${file.server.url}/host/${a.code}/pack${doc}${init.query ?? ""}`, {
          ...(init.headers ? { headers: init.headers } : {}),
        });
        answers.push(`${res.status} ${res.headers.get("x-accord-error")} ${await res.text()}`);
      }
      expect(new Set(answers).size, doc).toBe(1);
      expect(answers[0]).toMatch(/^403 NOT_HOST /);
      for (const d of scenario.delegations) expect(answers[0]).not.toContain(d.brief.instructions.slice(-80));
    }
  });

  it("shows no brief at any spelling of a role sheet's address without the session's key", async () => {
    const { code, hostKey } = await createSession(file.server, { scenario: "cyber-code" });
    // As the pack prints them: escaped for HTML.
    const briefs = cyberCode().delegations.map((d) => escapeHtml(d.brief.instructions.slice(-80)));
    const paths = [
      `/host/${code}/pack/roles`,
      `/host/${code}/pack/rol%65s`,
      `/host/${code}/pack/ROLES`,
      `/HOST/${code}/PACK/roles/china`,
      `/host/${code.toLowerCase()}/pack/roles`,
      `/host/${code}/pack/roles/`,
      `/host/${code}/pack/roles/china/`,
      `/host/${code}/pack/roles%2Fchina`,
      `/host/${code}/pack/roles/%63hina`,
      `/host/${code}/pack/./roles`,
      `/host/${code}/pack/x/../roles`,
      `/host/${code}/pack/roles?key=${hostKey}x`,
      `/host/${code}/pack/roles?key[]=${hostKey}`,
      `/host/${code}/pack/roles?KEY=${hostKey}`,
      `/host/${code}/pack/roles?k%65y=${hostKey.slice(1)}`,
      `/host/${code}/pack/roles#key=${hostKey}`,
      `/pack/cyber-code/roles`,
      `/pack/cyber-code/rol%65s/china`,
      `/pack/cyber-code/roles?key=${hostKey}`,
      `/pack/%63yber-code/roles`,
      `/pack/cyber-code/../../host/${code}/pack/roles`,
    ];
    for (const path of paths) {
      const res = await fetch(`${file.server.url}${path}`, { redirect: "manual" });
      const body = await res.text();
      expect(res.status, path).not.toBe(200);
      expect(res.status, path).toBeLessThan(500);
      for (const brief of briefs) expect(body, path).not.toContain(brief);
    }
    // The key itself opens it, as a check that the addresses above were the real ones.
    const real = await fetch(`${file.server.url}/host/${code}/pack/roles?key=${encodeURIComponent(hostKey)}`);
    expect(real.status).toBe(200);
    const sheets = await real.text();
    for (const brief of briefs) expect(sheets).toContain(brief);
  });
});
