// The compared debrief without a server: tables at the debrief are shown with
// the debrief's own results once every table is there (before, one table's
// results would give away the briefs of another still negotiating), unless the
// host shows every table now; a deleted table is left out; and nothing secret (a
// brief, a channel line, a seat's secret) is in what the projector receives.
import { describe, expect, it } from "vitest";
import { createSession } from "../../shared/rules/index.ts";
import { compareTables } from "../../server/classes/compare.ts";
import { comparisonCsv } from "../../server/classes/export.ts";
import { rulesBuiltDebrief } from "../durability/rules-session.ts";
import { HOST_KEY, NASTY, scenario, sha256, T_START } from "../durability/fixtures.ts";

const fresh = () =>
  createSession({ scenario, code: "KMNPQR", now: T_START, hostTokenHash: sha256(HOST_KEY), hostRejoinCode: "H3MK" });

describe("comparing the tables of a class", () => {
  it("holds back every table's results while one table still negotiates: they would give away its briefs", async () => {
    const { state } = await rulesBuiltDebrief();
    const c = compareTables(scenario.title, [state, fresh(), null], false);
    expect(c.tables.map((t) => [t.table, t.phase, t.shown, t.final])).toEqual([
      [1, "debrief", false, true],
      [2, "briefing", false, false],
    ]);
    expect(c.tables.map((t) => t.results)).toEqual([null, null]);
    // Nothing of a walk-away is in what the class code reads meanwhile.
    const json = JSON.stringify(c);
    for (const d of state.debrief!.scores) expect(json).not.toContain(`"walkAway":${d.walkAway}`);
  });

  it("shows the tables at the debrief with their own debrief's results once every table is there", async () => {
    const { state } = await rulesBuiltDebrief();
    const c = compareTables(scenario.title, [state, state, null], false);
    expect(c.tables.map((t) => [t.table, t.phase, t.shown, t.final])).toEqual([
      [1, "debrief", true, true],
      [2, "debrief", true, true],
    ]);
    const r = c.tables[0]!.results!;
    const code = state.instruments.find((i) => i.kind === "code")!;
    expect(r.frozen).toBe(true);
    expect(r.provisions).toEqual(code.frozen!.provisions.map((p) => p.title));
    expect(r.scores.map((s) => [s.delegation, s.score, s.walkAway, s.outcome])).toEqual(
      state.debrief!.scores.map((s) => [s.delegation, s.score, s.walkAway, s.outcome]),
    );
    expect([r.commons, r.stability, r.codeCounts]).toEqual([
      state.debrief!.commons,
      state.debrief!.stability,
      state.debrief!.codeCounts,
    ]);
    expect(r.signatures.map((s) => s.signer).sort()).toEqual(
      state.signatures
        .filter((s) => s.instrument === code.id)
        .map((s) => s.name)
        .sort(),
    );
  });

  it("shows every table's text as it stands when the host asks, marked as not final", () => {
    const c = compareTables(scenario.title, [fresh()], true);
    expect(c.tables[0]).toMatchObject({ shown: true, final: false });
    expect(c.tables[0]!.results).toMatchObject({ frozen: false, provisions: [], signatures: [] });
    // Before any text, every delegation is at its walk-away.
    for (const s of c.tables[0]!.results!.scores) expect(s.score).toBe(s.walkAway);
  });

  it("holds nothing secret: no brief, no channel line, no seat secret", async () => {
    const { state } = await rulesBuiltDebrief();
    const json = JSON.stringify(compareTables(scenario.title, [state], true));
    expect(json).not.toContain(NASTY.slice(0, 12));
    for (const d of scenario.delegations) {
      expect(json).not.toContain(d.brief.instructions);
      expect(json).not.toContain(d.brief.walkAway.alternative);
      expect(json).not.toContain(d.brief.success);
      for (const r of d.brief.redLines) expect(json).not.toContain(r.why);
    }
    for (const s of state.seats) {
      expect(json).not.toContain(s.token);
      expect(json).not.toContain(s.rejoinCode);
    }
    expect(json).not.toContain(state.code);
  });

  it("writes the teacher's spreadsheet: a row per table and delegation, a deleted table left out", async () => {
    const { state } = await rulesBuiltDebrief();
    const csv = comparisonCsv([
      { code: "ACDEFG", state },
      { code: "KMNPQR", state: fresh() },
      { code: "GONE99", state: null },
    ]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      '"table","table_code","phase","final","delegation","signed_code","score","walk_away","maximum","outcome","code_counts","agreed_provisions","signers","commons","stability"',
    );
    expect(lines).toHaveLength(1 + 2 * scenario.delegations.length);
    expect(lines.slice(1).every((l) => /^[12],"(ACDEFG|KMNPQR)"/.test(l))).toBe(true);
  });
});
