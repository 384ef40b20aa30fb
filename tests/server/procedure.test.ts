// The drafting procedure and the scoring through a real server on 127.0.0.1,
// as the students' and the projector's clients see them: the decision rule the
// host chose, the consensus deadline, each delegation's secret running score,
// and an agreement signed by one delegation alone counting for nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { defaultScenario } from "../../content/load.ts";
import { Player, createSession, startServer, until } from "./harness.ts";

let server: AccordServer;
const opened: Player[] = [];
const join = async (code: string, options: Parameters<typeof Player.join>[2], label: string) => {
  const p = await Player.join(server, code, options, label);
  opened.push(p);
  return p;
};

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

describe("hosting chooses the decision rule", () => {
  it("is shown to every student, and a rule that does not exist is refused with its path", async () => {
    const { code } = await createSession(server, { decisionRule: "majority" });
    const amy = await join(code, { name: "Amy", delegation: "united-states" }, "amy");
    expect(amy.view!.decisionRule).toBe("majority");
    const facts = (await (await fetch(`${server.url}/api/sessions/${code}`)).json()) as { decisionRule: string };
    expect(facts.decisionRule).toBe("majority");
    const bad = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decisionRule: "unanimity-ish" }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: unknown }).errors).toEqual([
      { path: "decisionRule", message: 'choose one of "consensus", "majority", "two-thirds"' },
    ]);
  });
});

describe("a lesson through the server", () => {
  it("keeps each running score secret, shows the consensus deadline, and counts a one-signer agreement for nothing", async () => {
    const { code, hostKey } = await createSession(server);
    const host = await join(code, { hostKey }, "host");
    const wei = await join(code, { name: "Wei", delegation: "china" }, "wei");
    const amy = await join(code, { name: "Amy", delegation: "united-states" }, "amy");
    const ivan = await join(code, { name: "Ivan", delegation: "russia" }, "ivan");
    const projector = await join(code, { observer: true }, "projector");
    await host.ok({ type: "phase.next" });
    await host.ok({ type: "phase.next" });
    await until(() => amy.view?.phase === "negotiation", "negotiation");

    await amy.ok({ type: "provision.table", instrument: "code", card: "protected-infrastructure" });
    await until(
      () => [wei, amy, ivan, projector, host].every((p) => p.view!.provisions.length === 1),
      "the tabled card",
    );
    // Every provision's card and tags are in every view.
    for (const p of [wei, amy, ivan, projector, host])
      expect(p.view!.provisions[0]).toMatchObject({
        card: "protected-infrastructure",
        tags: ["protection", "infrastructure"],
      });
    // Each delegation sees its own running score, and nobody else's.
    await until(() => wei.view!.standing?.instruments[0]?.value === 2, "China's running score");
    expect(wei.view!.standing).toMatchObject({ delegation: "china", walkAway: 6, maximum: 34 });
    expect(amy.view!.standing).toMatchObject({ delegation: "united-states", walkAway: 10 });
    expect(projector.view!.standing).toBeUndefined();
    expect(host.view!.standing).toBeUndefined();

    const provision = amy.view!.provisions[0]!.id;
    await ivan.ok({
      type: "amendment.propose",
      provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "All" },
    });
    await until(() => projector.view!.amendments.length === 1, "the amendment on the projector");
    const amendment = projector.view!.amendments[0]!;
    // Consensus: everyone sees by when silence becomes consent.
    expect(amendment.deadline).toBeGreaterThan(amendment.proposedAt);
    // Closed by the host before the deadline, with China and the US silent, it fails.
    await host.ok({ type: "amendment.close", amendment: amendment.id });
    await until(() => projector.view!.amendments[0]!.status !== "pending", "the decision");
    expect(projector.view!.amendments[0]!.status).toBe("rejected");

    // The US opens an agreement "with Russia", and signs it alone.
    await amy.ok({ type: "instrument.open", title: "Pact with Russia", parties: ["russia"] });
    await until(() => amy.view!.instruments.length === 2, "the new agreement");
    const pact = amy.view!.instruments[1]!.id;
    await amy.ok({ type: "provision.table", instrument: pact, card: "free-flow" });
    await host.ok({ type: "phase.next" });
    await until(() => host.view!.phase === "final-text", "final text");
    await host.ok({ type: "instrument.freeze", instrument: pact });
    await host.ok({ type: "phase.next" });
    await until(() => amy.view!.phase === "signing" && amy.view!.instruments[1]!.frozen !== null, "signing");
    await amy.ok({ type: "sign", instrument: pact, version: amy.view!.instruments[1]!.frozen!.version });
    await host.ok({ type: "phase.next" });
    await until(() => projector.view!.debrief !== null, "the debrief");
    const us = projector.view!.debrief!.scores.find((x) => x.delegation === "united-states")!;
    // Before: 28 points for a pact nobody else signed. Now: it counts for nothing, and the US has its walk-away.
    expect(us).toMatchObject({ score: 10, walkAway: 10, signed: [], outcome: "at" });

    // No client ever received another delegation's alternative, events included.
    const alternative = (id: string) =>
      defaultScenario().delegations.find((d) => d.id === id)!.brief.walkAway.alternative;
    const beforeDebrief = (p: Player) =>
      JSON.stringify(
        p.received.slice(
          0,
          p.received.findIndex((m) => m.type === "patch" && JSON.stringify(m).includes('"debrief"')),
        ),
      );
    expect(beforeDebrief(amy)).not.toContain(alternative("china"));
    expect(beforeDebrief(projector)).not.toContain(alternative("china"));
    expect(beforeDebrief(wei)).toContain(alternative("china"));
  }, 60_000);
});
