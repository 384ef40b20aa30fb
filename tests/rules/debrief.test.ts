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
  s = ok(s, HOST, { type: "amendment.close", amendment: s.amendments[0]!.id });
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
  it("scores each delegation from its brief over the instruments it validly signed", () => {
    const p = played();
    const s = ok(p.state, HOST, { type: "phase.next" });
    expect(s.phase).toBe("debrief");
    expect(score(s, "china")).toEqual({
      delegation: "china",
      // sovereignty card +5, control tag +3 (sovereignty), control tag +3 (info-control), free-flow red line -10
      score: 5 + 3 + 3 - RED_LINE_PENALTY,
      met: [
        { what: "sovereignty", weight: 5, provision: p.ids.sovereignty, instrument: "code" },
        { what: "control", weight: 3, provision: p.ids.sovereignty, instrument: "code" },
        { what: "control", weight: 3, provision: p.ids["info-control"], instrument: p.agreement },
      ],
      redLinesCrossed: [{ tag: "free-flow", provision: p.ids["free-flow"], instrument: "code" }],
      signed: ["code", p.agreement],
    });
    expect(score(s, "russia")).toMatchObject({ score: 4, signed: [p.agreement], redLinesCrossed: [] });
    expect(score(s, "usa")).toMatchObject({ score: 2 + 5, signed: ["code"] });
  });
  it("weighs the meters by the share of delegations that signed, normalised to -100..100", () => {
    const s = computeDebrief(played().state);
    // code (2 of 3 signed): commons 2 - 3 + 3 = 2, stability 2 + 1 + 0 = 3; agreement (2 of 3): commons -3, stability -1.
    // Half the sum of |meters| over all cards: commons 12 / 2 = 6, stability 7 / 2 = 3.5.
    expect(s.commons).toBe(Math.round((((2 * 2) / 3 - (3 * 2) / 3) / 6) * 100)); // -11
    expect(s.stability).toBe(Math.round((((3 * 2) / 3 - (1 * 2) / 3) / 3.5) * 100)); // 38
    expect([s.commons, s.stability]).toEqual([-11, 38]);
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
    expect(score({ ...s, debrief: d }, "usa")).toMatchObject({ score: 0, signed: [], met: [] });
    expect(score({ ...s, debrief: d }, "china")).toMatchObject({ score: 3, signed: [p.agreement] });
    expect(d.wording).toEqual({ china: 0, russia: 1, usa: 0 });
  });
  it("is all zeros when nothing was signed", () => {
    const s = computeDebrief(table("signing").state);
    expect(s.scores.map((x) => [x.delegation, x.score, x.signed])).toEqual([
      ["china", 0, []],
      ["russia", 0, []],
      ["usa", 0, []],
    ]);
    expect([s.commons, s.stability]).toEqual([0, 0]);
    expect(s.wording).toEqual({ china: 0, russia: 0, usa: 0 });
  });
});
