// Declining to sign: the head's "Not now" is a real choice, recorded for all
// to see, refused in words where it makes no sense, and taken back by
// signing after all while Signing lasts.
import { describe, expect, it } from "vitest";
import { canAct } from "../../shared/rules/can-act.ts";
import { declineOf } from "../../shared/rules/signing.ts";
import { viewFor } from "../../shared/rules/view.ts";
import { HOST, accepted, idOf, ok, refused, table, tableCard, toPhase } from "../fixtures/mini-scenario.ts";

function signing() {
  const t = table("negotiation");
  let s = tableCard(t.state, t.wei, "non-aggression").state;
  s = toPhase(s, "final-text");
  s = ok(s, HOST, { type: "instrument.freeze", instrument: "code" });
  s = toPhase(s, "signing");
  return { ...t, state: s, version: s.instruments[0]!.frozen!.version };
}

describe("sign.decline", () => {
  it("records the head's refusal for everyone, in words", () => {
    const t = signing();
    const { state, events } = accepted(t.state, t.ivan, {
      type: "sign.decline",
      instrument: "code",
      version: t.version,
    });
    expect(declineOf(state, "code", "russia")).toMatchObject({
      delegation: "russia",
      name: "Ivan",
      version: t.version,
    });
    expect(events[0]?.text).toBe("Russia declined to sign “Code of conduct”, for now.");
    expect(state.timeline.at(-1)!.text).toBe("Ivan declined to sign “Code of conduct” for Russia, for now");
    // Everyone sees it: the projector's and another delegation's views carry it.
    expect(viewFor(state, { kind: "observer" }).declines).toHaveLength(1);
    expect(viewFor(state, { kind: "delegation", delegation: "usa" }).declines).toHaveLength(1);
    refused(state, t.ivan, { type: "sign.decline", instrument: "code", version: t.version }, "ALREADY_DONE");
  });
  it("signing after all takes the refusal back", () => {
    const t = signing();
    let s = ok(t.state, t.ivan, { type: "sign.decline", instrument: "code", version: t.version });
    s = ok(s, t.ivan, { type: "sign", instrument: "code", version: t.version });
    expect(declineOf(s, "code", "russia")).toBeUndefined();
    expect(s.signatures.map((x) => x.delegation)).toEqual(["russia"]);
    refused(s, t.ivan, { type: "sign.decline", instrument: "code", version: t.version }, "ALREADY_SIGNED");
  });
  it("refuses: not head, wrong phase, unknown instrument, another version; canAct shows it to heads in Signing only", () => {
    const t = signing();
    const decline = { type: "sign.decline" as const, instrument: "code", version: t.version };
    expect(refused(t.state, t.lin, decline, "NOT_HEAD_OF_DELEGATION")).toBe(
      "Only the head of delegation can decline to sign. Ask Wei (head of China) to decline to sign.",
    );
    refused(t.state, t.wei, { ...decline, instrument: "i999" }, "UNKNOWN_INSTRUMENT");
    refused(t.state, t.wei, { ...decline, version: "0".repeat(64) }, "VERSION_MISMATCH");
    refused(toPhase(t.state, "final-text"), t.wei, decline, "WRONG_PHASE");
    refused(t.state, HOST, decline, "NOT_DELEGATE");
    expect(canAct(t.state, idOf(t.wei), "sign.decline")).toBe(true);
    expect(canAct(t.state, idOf(t.lin), "sign.decline")).toBe(false);
    expect(canAct(toPhase(t.state, "debrief"), idOf(t.wei), "sign.decline")).toBe(false);
  });
  it("a refusal of an old version no longer stands once the text is frozen again", () => {
    const t = signing();
    let s = ok(t.state, t.ivan, { type: "sign.decline", instrument: "code", version: t.version });
    s = toPhase(s, "final-text");
    s = ok(s, HOST, { type: "instrument.unfreeze", instrument: "code" });
    s = tableCard(toPhase(s, "negotiation"), t.amy, "sovereignty").state;
    s = toPhase(s, "final-text");
    s = ok(s, HOST, { type: "instrument.freeze", instrument: "code" });
    expect(declineOf(s, "code", "russia")).toBeUndefined();
  });
});
