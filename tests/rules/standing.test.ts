// Each delegation's running score: in its own view only, never in another
// audience's view or in any event; it follows the draft as it stands and warns
// the head before a signature that crosses a red line.
import { describe, expect, it } from "vitest";
import { viewFor, type GameEvent } from "../../shared/rules/index.ts";
import type { Audience } from "../../shared/view.ts";
import { HOST, SECRETS, accepted, nextId, ok, table, tableCard, toPhase } from "../fixtures/mini-scenario.ts";

const china: Audience = { kind: "delegation", delegation: "china" };
const usa: Audience = { kind: "delegation", delegation: "usa" };

describe("the running score", () => {
  it("shows a delegation what the draft as it stands is worth to it, against its walk-away and maximum", () => {
    const t = table("negotiation");
    let s = tableCard(t.state, t.amy, "threat-data").state;
    const code = () => viewFor(s, china).standing!.instruments.find((i) => i.instrument === "code")!;
    expect(viewFor(s, china).standing).toMatchObject({
      delegation: "china",
      walkAway: 3,
      maximum: 10,
      alternative: SECRETS.china.alternative,
    });
    // Threat data meets China's cooperation priority (+2): below its walk-away of 3.
    expect(code()).toMatchObject({ value: 2, ifSigned: 2, outcome: "below", crossed: [] });
    expect(code().warning).toBe(
      "As it stands, “Code of conduct” is worth 2 to China, less than its walk-away of 3: walking away would be better.",
    );
    s = tableCard(s, t.wei, "sovereignty").state;
    expect(code()).toMatchObject({ value: 10, ifSigned: 10, outcome: "above", warning: null });
    expect(code().met.map((m) => [m.words, m.weight])).toEqual([
      ["State sovereignty", 5],
      ["anything tagged control", 3],
      ["anything tagged cooperation", 2],
    ]);
    // Free flow crosses China's red line: whatever else the text gives, signing leaves it below its walk-away.
    s = tableCard(s, t.amy, "free-flow").state;
    expect(code()).toMatchObject({ value: 10, ifSigned: 3 - 5, outcome: "below" });
    expect(code().warning).toBe(
      "Signing “Code of conduct” crosses your red line: “Free flow of information” (free flow). Unfiltered information threatens order. It would leave China below its walk-away of 3, at -2.",
    );
  });

  it("says what an amendment stating new tags would do to it", () => {
    const t = table("negotiation");
    const { state, provision } = tableCard(t.state, t.amy, "threat-data");
    const id = nextId(state, "a");
    const s = ok(state, t.ivan, {
      type: "amendment.propose",
      provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "Free" },
      tags: ["free-flow"],
    });
    const code = viewFor(s, china).standing!.instruments.find((i) => i.instrument === "code")!;
    expect(code.amendments).toEqual([{ amendment: id, change: -2, crossesRedLine: true }]);
  });

  it("values a bloc agreement at the walk-away at most: it is the alternative, not a bonus", () => {
    const t = table("negotiation");
    const pact = nextId(t.state, "i");
    let s = ok(t.state, t.wei, { type: "instrument.open", title: "Pact", parties: ["russia"] });
    s = tableCard(s, t.wei, "sovereignty", pact).state;
    const standing = viewFor(s, china).standing!.instruments.find((i) => i.instrument === pact)!;
    expect(standing).toMatchObject({ value: 8, ifSigned: 3, outcome: "at" });
  });

  it("reaches no other audience: not another delegation, the projector or the host, and no event", () => {
    const t = table("negotiation");
    const events: GameEvent[] = [];
    let s = t.state;
    const step = (actor: typeof t.wei, command: Parameters<typeof ok>[2], ctx = {}) => {
      const r = accepted(s, actor, command, ctx);
      events.push(...r.events);
      s = r.state;
    };
    step(t.amy, { type: "provision.table", instrument: "code", card: "threat-data" });
    step(t.wei, { type: "provision.table", instrument: "code", card: "sovereignty" });
    step(t.ivan, {
      type: "amendment.propose",
      provision: s.provisions[0]!.id,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
      tags: ["cooperation"],
    });
    step(t.wei, { type: "amendment.vote", amendment: s.amendments[0]!.id, vote: "yes" });
    step(t.amy, { type: "amendment.vote", amendment: s.amendments[0]!.id, vote: "yes" });
    s = toPhase(s, "final-text");
    step(HOST, { type: "instrument.freeze", instrument: "code" });
    s = toPhase(s, "signing");
    step(t.wei, { type: "sign", instrument: "code", version: s.instruments[0]!.frozen!.version });

    const chinaView = JSON.stringify(viewFor(s, china));
    expect(chinaView).toContain(SECRETS.china.alternative);
    for (const audience of [
      usa,
      { kind: "delegation", delegation: "russia" },
      { kind: "observer" },
      { kind: "host" },
    ] as Audience[]) {
      const view = viewFor(s, audience);
      if (audience.kind === "delegation") expect(view.standing?.delegation).toBe(audience.delegation);
      else expect(view.standing).toBeUndefined();
      // The host reads every brief by design (it judges the game); nobody else reads China's.
      if (audience.kind !== "host")
        expect(JSON.stringify(view), audience.kind).not.toContain(SECRETS.china.alternative);
    }
    // Events go to every audience: none carries a running score.
    const said = JSON.stringify(events);
    expect(said).not.toMatch(/standing|walkAway|ifSigned|ALT /);
    expect(events.length).toBeGreaterThan(5);
  });
});
