// The teacher's pack over HTTP: the public parts of a scenario for anyone,
// a session's whole pack (role sheets included) for its host only, coded
// refusals that show nothing secret, and scenario text always escaped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { defaultScenario } from "../../content/load.ts";
import { criteria, unknownColumns } from "../../server/pack/rubric.ts";
import { parseCsv } from "../durability/csv-parse.ts";
import { miniInput, SECRETS } from "../fixtures/mini-scenario.ts";
import { createSession, startServer } from "../server/harness.ts";

let server: AccordServer;
const WRONG_CODES = 20;

beforeAll(async () => {
  server = await startServer({ joinLimits: { wrongSessionCodes: WRONG_CODES } });
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

/** Every secret of the default scenario's briefs, as the pages would print them (escaped). */
function secretsOf(): string[] {
  const escape = (s: string) => s.replace(/&/g, "&#38;").replace(/'/g, "&#39;").replace(/"/g, "&#34;");
  return defaultScenario().delegations.flatMap((d) => [
    escape(d.brief.instructions.slice(120, 200)),
    escape(d.brief.walkAway.alternative.slice(0, 60)),
    escape(d.brief.success.slice(0, 60)),
    ...d.brief.redLines.map((r) => escape(r.why.slice(0, 60))),
  ]);
}

describe("the public pack of a scenario on offer", () => {
  it("serves the contents, plans, handout, questions and rubric as printable pages with nothing secret", async () => {
    const scenario = defaultScenario();
    for (const doc of ["", "/plan", "/handout", "/questions", "/rubric"]) {
      const res = await get(`/pack/cyber-code${doc}`);
      expect(res.status, doc).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'",
      );
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      const html = await res.text();
      expect(html).toContain("@media print");
      for (const secret of secretsOf()) expect(html, `${doc} holds a secret`).not.toContain(secret);
      // No way to the role sheets from the public pack.
      expect(html).not.toMatch(/href="[^"]*roles/);
    }
    const plan = await (await get("/pack/cyber-code/plan")).text();
    for (const title of ["One 45-minute period", "Two periods", "A 90-minute workshop"])
      expect(plan).toContain(`<h1>${title}</h1>`);
    // The preset's own minutes: the 45-minute period's Briefing is 3 minutes, from 0:00 to 0:03.
    expect(plan).toContain('0:00–0:03</td><td><strong>Briefing</strong><br><span class="muted">3 min</span>');
    expect(plan).toContain("End of the first period.");
    for (const o of scenario.learningObjectives) expect(plan).toContain(o);
    // The news the scenario suggests for negotiation is named in that phase.
    expect(plan).toContain("ransomware attack shuts down a city hospital");
    const questions = await (await get("/pack/cyber-code/questions")).text();
    for (const q of scenario.questions) expect(questions).toContain(q.replace(/'/g, "&#39;"));
    const handout = await (await get("/pack/cyber-code/handout")).text();
    expect(handout).toContain(`open <strong>${server.url}/</strong>`);
    expect(handout).toContain('<svg role="img" aria-label="QR code for');
    expect(handout).toContain("your teacher may show every team and private channel");
  });

  it("refuses role sheets without a session, and unknown scenarios and documents, with a code", async () => {
    const roles = await get("/pack/cyber-code/roles");
    expect(roles.status).toBe(403);
    expect(roles.headers.get("x-accord-error")).toBe("ROLE_SHEETS_NEED_A_SESSION");
    const body = await roles.text();
    expect(body).toContain("printed only from a session&#39;s console");
    for (const secret of secretsOf()) expect(body).not.toContain(secret);
    const scenario = await get("/pack/atlantis/plan");
    expect(scenario.status).toBe(404);
    expect(scenario.headers.get("x-accord-error")).toBe("UNKNOWN_SCENARIO");
    const doc = await get("/pack/cyber-code/secrets");
    expect(doc.status).toBe(404);
    expect(doc.headers.get("x-accord-error")).toBe("UNKNOWN_DOCUMENT");
    expect(await doc.text()).toContain("Error code: <code>UNKNOWN_DOCUMENT</code>");
  });

  it("serves the Print button's script, the only script the pages run", async () => {
    const res = await get("/pack/print.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(await res.text()).toContain("window.print()");
  });
});

describe("a session's pack", () => {
  it("is for its host only: every page without the key, or with a wrong one, is refused and shows nothing secret", async () => {
    const { code, hostKey } = await createSession(server, { scenario: "cyber-code" });
    for (const doc of ["", "/plan", "/handout", "/roles", "/roles/china"]) {
      for (const headers of [{}, { authorization: "Bearer wrong-key-wrong-key-123" }] as Record<string, string>[]) {
        const res = await get(`/host/${code}/pack${doc}`, headers);
        expect(res.status, doc).toBe(403);
        expect(res.headers.get("x-accord-error")).toBe("NOT_HOST");
        const body = await res.text();
        for (const secret of secretsOf()) expect(body).not.toContain(secret);
      }
      const wrongQuery = await get(`/host/${code}/pack${doc}?key=${hostKey.slice(0, -1)}x`);
      expect(wrongQuery.status).toBe(403);
    }
    const unknown = await get(`/host/ACDEFG/pack/roles?key=${hostKey}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-accord-error")).toBe("UNKNOWN_SESSION");
  });

  it("gives the host every role sheet, or one delegation's alone, with the key in the query or a Bearer header", async () => {
    const { code, hostKey } = await createSession(server, { scenario: "cyber-code", preset: "two-periods" });
    const scenario = defaultScenario();
    const all = await get(`/host/${code}/pack/roles?key=${encodeURIComponent(hostKey)}`);
    expect(all.status).toBe(200);
    expect(all.headers.get("cache-control")).toBe("no-store");
    const allHtml = await all.text();
    for (const secret of secretsOf()) expect(allHtml).toContain(secret);

    const china = await get(`/host/${code}/pack/roles/china`, { authorization: `Bearer ${hostKey}` });
    expect(china.status).toBe(200);
    const html = await china.text();
    const [mine, ...others] = secretsOf().filter((s) => allHtml.includes(s));
    expect(mine).toBeDefined();
    const chinaBrief = scenario.delegations.find((d) => d.id === "china")!.brief;
    expect(html).toContain(chinaBrief.walkAway.alternative.slice(0, 40));
    for (const d of scenario.delegations.filter((x) => x.id !== "china"))
      expect(html).not.toContain(d.brief.walkAway.alternative.slice(0, 40).replace(/'/g, "&#39;"));
    expect(others.length).toBeGreaterThan(0);
    // Every card with its quote and what it is worth to China: its sovereignty card is worth +8.
    for (const c of scenario.cards) expect(html).toContain(c.title);
    expect(html).toMatch(/State sovereignty in cyberspace<\/strong>.*?<td class="num"><strong>\+8<\/strong>/s);
    expect(html).toContain("Never sign anything about free flow.");

    const nobody = await get(`/host/${code}/pack/roles/atlantis?key=${hostKey}`);
    expect(nobody.status).toBe(404);
    expect(nobody.headers.get("x-accord-error")).toBe("UNKNOWN_DELEGATION");

    // The session's own plan comes first: two periods, with the bell after Negotiation.
    const plan = await (await get(`/host/${code}/pack/plan?key=${hostKey}`)).text();
    expect(plan.indexOf("This session: Two periods")).toBeGreaterThan(-1);
    expect(plan.indexOf("This session: Two periods")).toBeLessThan(plan.indexOf("<h1>One 45-minute period</h1>"));
    // The handout carries the session's code and link, and the contents page links each sheet with the key.
    const handout = await (await get(`/host/${code}/pack/handout?key=${hostKey}`)).text();
    expect(handout).toContain(`<span class="code">${code}</span>`);
    expect(handout).toContain(`${server.url}/j/${code}`);
    const contents = await (await get(`/host/${code}/pack?key=${hostKey}`)).text();
    expect(contents).toContain(`href="/host/${code}/pack/roles/china?key=${encodeURIComponent(hostKey)}"`);
  });

  it("escapes the scenario's text wherever it is printed", async () => {
    const evil = "<script>alert(1)</script><b>x</b>";
    const input = miniInput({
      title: `Mini ${evil}`,
      summary: `Summary ${evil}`,
      learningObjectives: [`Objective ${evil}`],
      questions: [`Question ${evil}`],
    });
    input.delegations[0]!.name = `China ${evil}`.slice(0, 40);
    input.delegations[0]!.brief.instructions = `${SECRETS.china.instructions} ${evil}`;
    input.cards[0]!.title = `Card ${evil}`;
    const { code, hostKey } = await createSession(server, { scenario: input });
    for (const doc of ["", "/plan", "/handout", "/questions", "/rubric", "/roles"]) {
      const html = await (await get(`/host/${code}/pack${doc}?key=${hostKey}`)).text();
      expect(html, doc).not.toContain("<script>alert");
      expect(html, doc).not.toContain("<b>x</b>");
    }
    const roles = await (await get(`/host/${code}/pack/roles?key=${hostKey}`)).text();
    expect(roles).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(roles).toContain(SECRETS.china.instructions);
  });
});

describe("the rubric", () => {
  it("reads only columns the exports write, by their header names", async () => {
    const scenario = defaultScenario();
    expect(unknownColumns(scenario.questions.length)).toEqual([]);
    const { code, hostKey } = await createSession(server, { scenario: "cyber-code" });
    const students = parseCsv(
      await (await get(`/api/sessions/${code}/export.csv?table=students&key=${hostKey}`)).text(),
    );
    const scores = parseCsv(await (await get(`/api/sessions/${code}/export.csv?table=scores&key=${hostKey}`)).text());
    const rubric = await (await get(`/pack/cyber-code/rubric`)).text();
    for (const c of criteria(scenario.questions.length)) {
      const header = c.table === "students" ? students[0]! : scores[0]!;
      for (const column of c.columns) {
        expect(header.map((h) => h.replace(/^\uFEFF/, ""))).toContain(column);
        expect(rubric).toContain(`“${column}”`);
      }
    }
  });
});

// Last: it spends this address's budget of wrong codes.
describe("guessing", () => {
  it("counts wrong session codes in a pack's address as guesses, as joining does", async () => {
    const answers: { status: number; code: string | null }[] = [];
    for (let i = 0; i <= WRONG_CODES; i++) {
      const res = await get(
        `/host/${`ACDE${"FGHJKMNPQRTWXY"[i % 14]}${"FGHJKMNPQRTWXY"[Math.floor(i / 14)]}`}/pack/roles`,
      );
      answers.push({ status: res.status, code: res.headers.get("x-accord-error") });
    }
    // Twenty wrong codes are answered "no such session"; then the address waits (one was spent earlier on ACDEFG).
    expect(answers.slice(0, WRONG_CODES - 1).every((a) => a.status === 404 && a.code === "UNKNOWN_SESSION")).toBe(true);
    expect(answers.at(-1)).toEqual({ status: 429, code: "RATE_LIMITED" });
  });
});
