import { describe, expect, it } from "vitest";
import type { SessionState } from "../../shared/state.ts";
import { RED_LINE_PENALTY, computeDebrief } from "../../shared/rules/index.ts";
import { HOST, nextId, ok, table, tableCard, toPhase, type Table } from "../fixtures/mini-scenario.ts";

/**
 * The code: threat-data (US, amended by Russia with one word), sovereignty (China), free-flow (US);
 * signed by China and the US. A China-Russia agreement: info-control (Russia); signed by both.
 */
function played(): Table & { ids: Record<string, string>; agreement: string } {
  const t = table("negotiation");
  const agreement = nextId(t.state, "i");
  let s = ok(t.state, t.ivan, { type: "instrument.open", title: "Moscow agreement", parties: ["china"] });
  const ids: Record<string, string> = {};
  for (const [actor, card, instrument] of [
    [t.amy, "threat-data", "code"],
    [t.wei, "sovereignty", "code"],
    [t.amy, "free-flow", "code"],
    [t.ivan, "info-control", agreement],
  ] as const) {
    const r = tableCard(s, actor, card, instrument);
    s = r.state;
    ids[card] = r.provision;
  }
  s = ok(s, t.ivan, {
    type: "amendment.propose",
    provision: ids["threat-data"]!,
    baseVersion: 1,
    edit: { kind: "insert", at: 0, text: "All" },
  });
  // Under consensus, silence is consent once the amendment's deadline has passed.
  s = ok(s, HOST, { type: "amendment.close", amendment: s.amendments[0]!.id }, { now: s.amendments[0]!.deadline! });
  s = ok(s, HOST, { type: "phase.next" });
  s = ok(s, HOST, { type: "instrument.freeze", instrument: "code" });
  s = ok(s, HOST, { type: "instrument.freeze", instrument: agreement });
  s = ok(s, HOST, { type: "phase.next" });
  const version = (id: string) => s.instruments.find((i) => i.id === id)!.frozen!.version;
  s = ok(s, t.wei, { type: "sign", instrument: "code", version: version("code") });
  s = ok(s, t.amy, { type: "sign", instrument: "code", version: version("code") });
  s = ok(s, t.wei, { type: "sign", instrument: agreement, version: version(agreement) });
  s = ok(s, t.ivan, { type: "sign", instrument: agreement, version: version(agreement) });
  return { ...t, state: s, ids, agreement };
}

const score = (s: SessionState, d: string) => s.debrief?.scores.find((x) => x.delegation === d);

describe("computeDebrief", () => {
  it("gives each delegation the shared code's value if it validly signed it, else its walk-away", () => {
    const p = played();
    const s = ok(p.state, HOST, { type: "phase.next" });
    expect(s.phase).toBe("debrief");
    // China signed the code: sovereignty card +5, the control tag +3 and cooperation +2 (each counted once),
    // but the code holds free flow, China's red line: at most its walk-away (3), less 5.
    expect(score(s, "china")).toEqual({
      delegation: "china",
      score: 3 - RED_LINE_PENALTY,
      walkAway: 3,
      maximum: 10,
      codeValue: 10,
      signedCode: true,
      outcome: "below",
      met: [
        { what: "sovereignty", weight: 5, provision: p.ids.sovereignty, instrument: "code" },
        { what: "control", weight: 3, provision: p.ids.sovereignty, instrument: "code" },
        { what: "cooperation", weight: 2, provision: p.ids["threat-data"], instrument: "code" },
      ],
      redLinesCrossed: [{ tag: "free-flow", provision: p.ids["free-flow"], instrument: "code" }],
      signed: ["code", p.agreement],
    });
    // Russia signed only the bloc agreement: the alternative, worth its walk-away and no more.
    expect(score(s, "russia")).toMatchObject({ score: 2, walkAway: 2, outcome: "at", signedCode: false, met: [] });
    // The US: free flow +5 and the cooperation tag +2 (threat data, amended by one word, keeps its tags).
    expect(score(s, "usa")).toMatchObject({ score: 7, maximum: 10, outcome: "above", signed: ["code"] });
  });

  it("pays a bloc pact no more than the walk-away, however much of a delegation's brief it holds", () => {
    // The old scoring added every instrument up: here Russia's agreement holds its top card (+4).
    const s = computeDebrief(played().state);
    expect(s.scores.find((x) => x.delegation === "russia")!.score).toBe(2);
  });

  it("counts an instrument only when two or more delegations validly signed it", () => {
    let t = table("negotiation");
    const pact = nextId(t.state, "i");
    let s = ok(t.state, t.amy, { type: "instrument.open", title: "Pact with Russia", parties: ["russia"] });
    s = tableCard(s, t.amy, "info-control", pact).state; // crosses the US's red line (content)
    s = tableCard(s, t.amy, "free-flow", "code").state;
    s = toPhase(s, "final-text");
    s = ok(s, HOST, { type: "instrument.freeze", instrument: pact });
    s = ok(s, HOST, { type: "instrument.freeze", instrument: "code" });
    s = toPhase(s, "signing");
    const version = (id: string) => s.instruments.find((i) => i.id === id)!.frozen!.version;
    s = ok(s, t.amy, { type: "sign", instrument: pact, version: version(pact) });
    s = ok(s, t.amy, { type: "sign", instrument: "code", version: version("code") });
    t = { ...t, state: s };
    const d = computeDebrief(s);
    expect(d.codeCounts).toBe(false);
    // Signed by the US alone, neither counts: no +5 for free flow, no red line, just the walk-away.
    expect(d.scores.find((x) => x.delegation === "usa")).toMatchObject({ score: 2, signed: [], redLinesCrossed: [] });
  });

  it("moves the meters by how widely the code was signed, with bloc-only signers pulling towards national cyberspaces", () => {
    const s = computeDebrief(played().state);
    // Code signed by 2 of 3 (share 2/3); its cards lean +2 of the 6 commons points on offer (1/3); Russia is bloc-only (1/3).
    expect(s.commons).toBe(Math.round((-0.5 + (2 / 3) * (0.7 + 0.3 / 3) - 0.5 / 3) * 100)); // -13
    // Stability: threat data +2, sovereignty +1, info control -1, each signed by 2 of 3, against 6 stabilising points.
    expect(s.stability).toBe(Math.round((((2 + 1 - 1) * 2) / 3 / 6) * 100)); // 22
  });

  it("shares the surviving words among their authors", () => {
    const s = computeDebrief(played().state);
    // code: 7 words of threat-data (1 Russian, 6 American), 6 Chinese, 5 American; agreement: 9 Russian. 27 in all.
    expect(s.wording).toEqual({ china: 6 / 27, russia: 10 / 27, usa: 11 / 27 });
  });

  it("counts nothing for signatures on a version that is no longer the frozen one", () => {
    const p = played();
    let s = toPhase(p.state, "final-text");
    s = ok(s, HOST, { type: "instrument.unfreeze", instrument: "code" });
    const d = computeDebrief(s);
    expect(score({ ...s, debrief: d }, "usa")).toMatchObject({ score: 2, signed: [], met: [], codeValue: null });
    expect(score({ ...s, debrief: d }, "china")).toMatchObject({ score: 3, signed: [p.agreement] });
    expect(d.wording).toEqual({ china: 0, russia: 1, usa: 0 });
  });

  it("leaves everyone at its walk-away, and the Internet drifting apart, when nothing was signed", () => {
    const s = computeDebrief(table("signing").state);
    expect(s.scores.map((x) => [x.delegation, x.score, x.outcome, x.signed])).toEqual([
      ["china", 3, "at", []],
      ["russia", 2, "at", []],
      ["usa", 2, "at", []],
    ]);
    expect([s.commons, s.stability]).toEqual([-50, 0]);
    expect(s.wording).toEqual({ china: 0, russia: 0, usa: 0 });
  });
});
