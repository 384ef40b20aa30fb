// The room's message entry on a real server with real sockets (issue 9):
// whatever type and body a seated client sends, it gets a coded error, stays
// connected, and nobody else hears anything; only a frame over the transport
// cap closes its socket, with 1009. And what the host's socket receives,
// events included, is exactly what the scenario says the host reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { CLOSE_TOO_BIG, TRANSPORT_MAX_PAYLOAD } from "../../server/room/gate.ts";
import type { ServerMessageOf } from "../../shared/protocol.ts";
import type { ScenarioInput } from "../../shared/scenario.ts";
import { miniInput } from "../fixtures/mini-scenario.ts";
import { createSession, Player, startServer, until } from "./harness.ts";

let server: AccordServer;
let code = "";
let host: Player, projector: Player, wei: Player, amy: Player;
let everyone: Player[] = [];

/** Sends raw bytes on the player's socket, as a hand-made client could. */
const sendBytes = (p: Player, bytes: number[] | Uint8Array) =>
  (p.room.connection as unknown as { send(data: number[] | Uint8Array): void }).send(bytes);

/** Runs `attempt` from `by`; expects one coded error back, `by` still connected, and nobody else hearing a thing. */
async function answeredAlone(by: Player, attempt: () => void): Promise<ServerMessageOf<"error">> {
  const heard = everyone.map((p) => p.received.length);
  const state = structuredClone(await server.sessions.state(code));
  const from = by.received.length;
  attempt();
  const error = await by.next("error", from);
  // A round trip by someone else: anything the message caused would have reached them by now.
  await amy.ok({ type: "stance.set", provision: "none", stance: null }).catch(() => {});
  expect(await server.sessions.state(code)).toStrictEqual(state);
  everyone.forEach((p, i) => {
    if (p !== by && p !== amy) expect(p.received.length, `${p.label} heard something`).toBe(heard[i]);
  });
  expect(by.connected).toBe(true);
  return error;
}

beforeAll(async () => {
  // Formats, not pace, are tested here (refusals.test.ts floods): a bucket that never runs dry.
  server = await startServer({ rate: { burst: 1000, perSecond: 1000 } });
  const created = await createSession(server, { scenario: miniInput() });
  code = created.code;
  host = await Player.join(server, code, { hostKey: created.hostKey }, "host");
  projector = await Player.join(server, code, { observer: true }, "projector");
  wei = await Player.join(server, code, { name: "Wei", delegation: "china" }, "wei");
  amy = await Player.join(server, code, { name: "Amy", delegation: "usa" }, "amy");
  everyone = [host, projector, wei, amy];
});

afterAll(async () => {
  for (const p of everyone) await p.leave();
  await server.close();
});

describe("message entry trusts nothing (issue 9, findings 1 and 2)", () => {
  it('finding 1: the projector sends type "*" with body { toString: 1 }: an error, and the server lives', async () => {
    const e = await answeredAlone(projector, () => projector.room.send("*", { toString: 1 }));
    expect(e.code).toBe("UNKNOWN_MESSAGE");
    await wei.ok({ type: "say", channel: "team-china", text: "still here" });
  });

  it('finding 2: "__no_message_handler" with a body over 123 bytes, and with a short one: an error, still connected', async () => {
    let e = await answeredAlone(wei, () => wei.room.send("__no_message_handler", "x".repeat(300)));
    expect(e.code).toBe("UNKNOWN_MESSAGE");
    e = await answeredAlone(wei, () => wei.room.send("__no_message_handler", "short"));
    expect(e.code).toBe("UNKNOWN_MESSAGE");
  });

  it("any other type: names Colyseus keeps, names of Object's members, numbers", async () => {
    for (const type of ["__anything", "constructor", "__proto__", "toString", "", "act ", "ACT"]) {
      const e = await answeredAlone(wei, () => wei.room.send(type, { toString: 1, valueOf: 2 }));
      expect(e.code, type).toBe("UNKNOWN_MESSAGE");
    }
    const e = await answeredAlone(wei, () => wei.room.send(7, { seq: 1 }));
    expect(e.code).toBe("UNKNOWN_MESSAGE");
    expect(e.message).toContain("7");
  });

  it("bodies of every shape to act: traps as data, deep nesting, binary, wrong types", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 500; i++) deep = [deep];
    for (const body of [{ toString: 1 }, { seq: { valueOf: 1 }, action: { toString: 1 } }, deep, "act", 12, null]) {
      const e = await answeredAlone(wei, () => wei.room.send("act", body));
      expect(e.code).toBe("BAD_MESSAGE");
    }
    const e = await answeredAlone(wei, () => wei.room.sendBytes("act", new Uint8Array([1, 2, 3])));
    expect(e.code).toBe("BAD_MESSAGE");
  });

  it("frames that are not Colyseus messages: empty, unknown codes, cut short, a second join", async () => {
    const frames: number[][] = [[], [99, 1, 2, 3], [13], [13, 0xd9], [13, 0xa3, 0x61], [17, 0xdb, 0xff], [10], [10, 1]];
    for (const frame of frames) {
      const e = await answeredAlone(wei, () => sendBytes(wei, frame));
      // A type cut short still reads as a (short) name Colyseus hands on: then the name is unknown.
      expect(["BAD_MESSAGE", "UNKNOWN_MESSAGE"], JSON.stringify(frame)).toContain(e.code);
    }
  });

  it("a message over 4 KB is TOO_LARGE; a frame over the transport cap closes only that socket, with 1009", async () => {
    const e = await answeredAlone(wei, () => wei.room.send("act", { seq: 1, pad: "y".repeat(6000) }));
    expect(e.code).toBe("TOO_LARGE");
    const extra = await Player.join(server, code, { observer: true }, "extra");
    const heard = everyone.map((p) => p.received.length);
    sendBytes(extra, new Uint8Array(TRANSPORT_MAX_PAYLOAD + 1).fill(13));
    await until(() => !extra.connected, "the oversized sender's socket to close");
    expect(extra.left).toBe(CLOSE_TOO_BIG);
    await wei.ok({ type: "say", channel: "team-china", text: "the room goes on" });
    expect(everyone.every((p) => p.connected)).toBe(true);
    expect(amy.received.length).toBeGreaterThanOrEqual(heard[3]!);
  });
});

describe("what the host's socket receives (issue 9, finding 8)", () => {
  async function lesson(over: Partial<ScenarioInput>) {
    const created = await createSession(server, { scenario: miniInput(over) });
    const h = await Player.join(server, created.code, { hostKey: created.hostKey }, "host");
    const w = await Player.join(server, created.code, { name: "Wei", delegation: "china" }, "wei");
    const a = await Player.join(server, created.code, { name: "Amy", delegation: "usa" }, "amy");
    await w.ok({ type: "say", channel: "team-china", text: "TEAM-SECRET fallback position" });
    await h.ok({ type: "phase.next" });
    await h.ok({ type: "phase.next" });
    await w.ok({ type: "channel.open", with: ["usa"], title: "BACKROOM-TITLE" });
    const channel = w.view!.channels.find((c) => c.kind === "private")!;
    await a.ok({ type: "say", channel: channel.id, text: "PRIVATE-SECRET our deal" });
    // A round trip for the host, so anything sent to it has arrived.
    await h.ok({ type: "announce", text: "Five minutes left" });
    const players = [h, w, a];
    return { host: h, players };
  }

  for (const [team, priv] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const) {
    it(`hostReadsTeamChannels ${team}, hostReadsPrivateChannels ${priv}: lines, openings and events follow`, async () => {
      const { host: h, players } = await lesson({ hostReadsTeamChannels: team, hostReadsPrivateChannels: priv });
      expect(h.welcome).toMatchObject({ hostReadsTeamChannels: team, hostReadsPrivateChannels: priv });
      const all = h.transcript();
      const events = JSON.stringify(h.received.filter((m) => m.type === "event"));
      expect(all.includes("TEAM-SECRET"), "team line anywhere").toBe(team);
      expect(events.includes("TEAM-SECRET"), "team line in events").toBe(team);
      expect(all.includes("PRIVATE-SECRET"), "private line anywhere").toBe(priv);
      expect(all.includes("BACKROOM-TITLE"), "private opening anywhere").toBe(priv);
      expect(events.includes("PRIVATE-SECRET") || events.includes("BACKROOM-TITLE")).toBe(priv);
      for (const p of players) await p.leave();
    });
  }
});

describe("texts need something visible; channel refusals keep private channels secret (finding 9)", () => {
  it("a line, a name or a title of only zero-width and direction marks is refused, coded", async () => {
    const blank = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u3164";
    const e = await answeredAlone(
      wei,
      () => void wei.send({ type: "say", channel: "team-china", text: blank }).catch(() => {}),
    );
    expect(e.code).toBe("BAD_MESSAGE");
    expect(e.message).toContain("see");
    await expect(Player.join(server, code, { name: "\u3164\u3164" })).rejects.toThrow(/NAME_NOT_ALLOWED/);
    await expect(Player.join(server, code, { name: "\u0301\u0301" })).rejects.toThrow(/NAME_NOT_ALLOWED/);
  });

  it("a private channel that is not yours reads exactly like one that does not exist", async () => {
    const created = await createSession(server, { scenario: miniInput() });
    const h = await Player.join(server, created.code, { hostKey: created.hostKey }, "host");
    const w = await Player.join(server, created.code, { name: "Wei", delegation: "china" }, "wei");
    await Player.join(server, created.code, { name: "Ivan", delegation: "russia" }, "ivan").then((p) => p.leave());
    const a = await Player.join(server, created.code, { name: "Amy", delegation: "usa" }, "amy");
    await h.ok({ type: "phase.next" });
    await h.ok({ type: "phase.next" });
    await w.ok({ type: "channel.open", with: ["russia"] });
    const id = w.view!.channels.find((c) => c.kind === "private")!.id;
    const notYours = await a.refused({ type: "say", channel: id, text: "hello?" });
    const none = await a.refused({ type: "say", channel: "c999", text: "hello?" });
    expect({ code: notYours.code, message: notYours.message }).toEqual({ code: none.code, message: none.message });
    for (const p of [h, w, a]) await p.leave();
  });
});
