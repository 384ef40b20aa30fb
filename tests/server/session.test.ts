// A whole short session over real WebSockets: the host creates it over HTTP,
// five delegates join two delegations, table, amend, take stances, talk in
// private, freeze, sign and reach the debrief. Every client sees every
// accepted action; no client ever receives a secret it may not see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { miniInput, SECRETS } from "../fixtures/mini-scenario.ts";
import { createSession, Player, startServer, until } from "./harness.ts";
import type { SessionView } from "../../shared/view.ts";

let server: AccordServer;
const players: Player[] = [];
let host: Player, projector: Player, wei: Player, lin: Player, mei: Player, ivan: Player, olga: Player;

const PRIVATE_LINE = "CN-RU private: we back each other on sovereignty";
const TEAM_LINE = "CN team only: hold firm on the red line";

/** Waits until every client's view satisfies `check`: each one saw the action. */
async function everyoneSees(what: string, check: (v: SessionView) => boolean) {
  for (const p of players) await until(() => p.view !== null && check(p.view), `${p.label} to see ${what}`);
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const p of players) await p.leave();
  await server.close();
});

describe("a whole short session", () => {
  let code = "";
  let sovereignty = "";
  let threatData = "";

  it("the host creates it over HTTP with a teacher's own scenario, and everyone joins", async () => {
    const created = await createSession(server, miniInput());
    code = created.code;
    host = await Player.join(server, code, { hostKey: created.hostKey }, "host");
    projector = await Player.join(server, code, { observer: true }, "projector");
    wei = await Player.join(server, code, { name: "Wei", delegation: "china" }, "wei");
    lin = await Player.join(server, code, { name: "Lin", delegation: "china" }, "lin");
    mei = await Player.join(server, code, { name: "Mei", delegation: "china" }, "mei");
    ivan = await Player.join(server, code, { name: "Ivan", delegation: "russia" }, "ivan");
    olga = await Player.join(server, code, { name: "Olga", delegation: "russia" }, "olga");
    players.push(host, projector, wei, lin, mei, ivan, olga);

    expect(host.welcome).toMatchObject({ role: "host", seat: "s1", code, seatToken: null });
    expect(projector.welcome).toMatchObject({ role: "observer", delegation: null });
    expect(wei.welcome).toMatchObject({ role: "delegate", delegation: "china" });
    expect(wei.welcome.seatToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(wei.welcome.rejoinCode).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{8}$/);

    await everyoneSees("seven seats", (v) => v.seats.length === 7);
    const seats = host.view!.seats;
    expect(seats.find((s) => s.name === "Wei")).toMatchObject({ isHead: true, connected: true, delegation: "china" });
    expect(seats.find((s) => s.name === "Lin")).toMatchObject({ isHead: false });
    expect(seats.find((s) => s.name === "Ivan")).toMatchObject({ isHead: true, delegation: "russia" });
    // The host's console shows rejoin codes; a delegate's view does not.
    expect(host.view!.seats.find((s) => s.name === "Lin")?.rejoinCode).toBe(lin.welcome.rejoinCode);
    expect(wei.view!.seats.find((s) => s.name === "Lin")?.rejoinCode).toBeUndefined();

    const facts = (await (await fetch(`${server.url}/api/sessions/${code}`)).json()) as any;
    expect(facts.delegations).toEqual([
      expect.objectContaining({ id: "china", seated: 3 }),
      expect.objectContaining({ id: "russia", seated: 2 }),
      expect.objectContaining({ id: "usa", seated: 0 }),
    ]);
  });

  it("the host runs the phases to negotiation, on every screen at once", async () => {
    await host.ok({ type: "phase.next" });
    await everyoneSees("opening", (v) => v.phase === "opening");
    await host.ok({ type: "phase.next" });
    await everyoneSees("negotiation", (v) => v.phase === "negotiation" && v.timer.state === "running");
  });

  it("delegates table provisions from cards", async () => {
    await wei.ok({ type: "provision.table", instrument: "code", card: "sovereignty" });
    await ivan.ok({ type: "provision.table", instrument: "code", card: "threat-data" });
    await everyoneSees("two provisions", (v) => v.provisions.length === 2);
    sovereignty = host.view!.provisions.find((p) => p.card === "sovereignty")!.id;
    threatData = host.view!.provisions.find((p) => p.card === "threat-data")!.id;
    expect(projector.view!.provisions.map((p) => p.tabledBy)).toEqual(["china", "russia"]);
  });

  it("an amendment by one delegate is adopted when both seated delegations agree", async () => {
    await lin.ok({
      type: "amendment.propose",
      provision: sovereignty,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "Respecting the Charter," },
    });
    await everyoneSees("a pending amendment", (v) => v.amendments.some((a) => a.status === "pending"));
    const amendment = ivan.view!.amendments[0]!.id;
    await olga.ok({ type: "amendment.vote", amendment, vote: "yes" });
    await everyoneSees("the amended text", (v) => {
      const p = v.provisions.find((x) => x.id === sovereignty)!;
      return p.versions.length === 2 && p.versions[1]!.text.startsWith("Respecting the Charter,");
    });
  });

  it("stances, a private channel and a team channel", async () => {
    await ivan.ok({ type: "stance.set", provision: sovereignty, stance: "support" });
    await mei.ok({ type: "stance.set", provision: threatData, stance: "support" });
    await everyoneSees("the stances", (v) => {
      const [a, b] = [v.provisions.find((p) => p.id === sovereignty)!, v.provisions.find((p) => p.id === threatData)!];
      return a.stances.russia === "support" && b.stances.china === "support";
    });
    await wei.ok({ type: "channel.open", with: ["russia"] });
    await until(() => wei.view!.channels.some((c) => c.kind === "private"), "wei's private channel");
    const channel = wei.view!.channels.find((c) => c.kind === "private")!.id;
    await wei.ok({ type: "say", channel, text: PRIVATE_LINE });
    await lin.ok({ type: "say", channel: "team-china", text: TEAM_LINE });
    for (const p of [wei, lin, mei, ivan, olga, host]) {
      await until(() => JSON.stringify(p.view).includes(PRIVATE_LINE), `${p.label} to read the private line`);
    }
    for (const p of [wei, lin, mei, host]) {
      await until(() => JSON.stringify(p.view).includes(TEAM_LINE), `${p.label} to read the team line`);
    }
  });

  it("nobody has received a secret that is not theirs (every message, before the debrief reveals them)", () => {
    const china = [SECRETS.china.instructions, SECRETS.china.success];
    const russia = [SECRETS.russia.instructions, SECRETS.russia.success];
    const usa = [SECRETS.usa.instructions, SECRETS.usa.success];
    const notIn = (p: Player, secrets: string[]) => {
      const all = p.transcript();
      for (const s of secrets) expect(all.includes(s), `${p.label} received "${s}"`).toBe(false);
    };
    const has = (p: Player, secrets: string[]) => {
      for (const s of secrets) expect(p.transcript().includes(s), `${p.label} lacks "${s}"`).toBe(true);
    };
    notIn(projector, [...china, ...russia, ...usa, PRIVATE_LINE, TEAM_LINE]);
    for (const p of [wei, lin, mei]) {
      notIn(p, [...russia, ...usa]);
      has(p, china);
    }
    for (const p of [ivan, olga]) {
      notIn(p, [...china, ...usa, TEAM_LINE]);
      has(p, russia);
    }
    has(host, [...china, ...russia, ...usa, PRIVATE_LINE, TEAM_LINE]);
    // Seat tokens and token hashes never travel in views.
    for (const p of players) expect(JSON.stringify(p.view)).not.toMatch(/"token"/);
    expect(host.transcript()).not.toContain(wei.welcome.seatToken!);
  });

  it("the host freezes the code, the heads sign the frozen version, and all reach the debrief", async () => {
    await host.ok({ type: "phase.next" });
    await everyoneSees("final text", (v) => v.phase === "final-text");
    await host.ok({ type: "instrument.freeze", instrument: "code" });
    await everyoneSees("the frozen code", (v) => v.instruments.find((i) => i.id === "code")?.frozen !== null);
    const version = projector.view!.instruments.find((i) => i.id === "code")!.frozen!.version;
    await host.ok({ type: "phase.next" });
    await everyoneSees("signing", (v) => v.phase === "signing");

    const notHead = await lin.refused({ type: "sign", instrument: "code", version });
    expect(notHead.code).toBe("NOT_HEAD_OF_DELEGATION");
    expect(lin.connected).toBe(true);

    await wei.ok({ type: "sign", instrument: "code", version });
    await ivan.ok({ type: "sign", instrument: "code", version });
    await everyoneSees(
      "two signatures",
      (v) => v.signatures.length === 2 && v.signatures.every((s) => s.version === version),
    );

    await host.ok({ type: "phase.next" });
    await everyoneSees(
      "the debrief with briefs revealed",
      (v) => v.phase === "debrief" && v.revealed && v.debrief !== null,
    );
    const scores = projector.view!.debrief!.scores;
    expect(scores.find((s) => s.delegation === "china")?.signed).toEqual(["code"]);
    expect(projector.view!.scenario.delegations.find((d) => d.id === "usa")?.brief?.instructions).toBe(
      SECRETS.usa.instructions,
    );
  });

  it("every client stayed connected and holds the same public record", () => {
    for (const p of players) expect(p.connected, p.label).toBe(true);
    const record = (v: SessionView) =>
      JSON.stringify([v.phase, v.provisions, v.amendments, v.signatures, v.instruments, v.timeline]);
    for (const p of players) expect(record(p.view!), p.label).toBe(record(host.view!));
    // One whole view on joining, then only patches (sent at once, not on a tick), plus events for toasts.
    for (const p of players) {
      const count = (t: string) => p.received.filter((m) => m.type === t).length;
      expect(count("view"), p.label).toBe(1);
      expect(count("patch"), p.label).toBeGreaterThan(10);
      expect(count("event"), p.label).toBeGreaterThan(5);
    }
  });
});
