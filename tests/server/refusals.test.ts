// Every refusal at the room level is an "error" message with the rules' (or
// the protocol's) code, to that client only; the client stays connected and
// nothing changes for anyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { AccordServer } from "../../server/app.ts";
import type { SessionState } from "../../shared/state.ts";
import type { ServerMessageOf } from "../../shared/protocol.ts";
import { LIMITS } from "../../shared/limits.ts";
import { miniInput } from "../fixtures/mini-scenario.ts";
import { createSession, Player, startServer, until } from "./harness.ts";

let server: AccordServer;
let code = "";
let host: Player, projector: Player, wei: Player, lin: Player, ivan: Player, amy: Player;
let everyone: Player[] = [];

const state = async (): Promise<SessionState> => structuredClone((await server.sessions.state(code))!);

/**
 * Runs `attempt`, which must end in one error for `by`; then checks that the
 * session state is unchanged, no other client heard anything, and `by` is still connected.
 */
async function refusedWithoutChange(by: Player, attempt: () => Promise<ServerMessageOf<"error">>) {
  const before = await state();
  const heard = everyone.map((p) => p.received.length);
  const error = await attempt();
  // A round trip by another client: anything the refusal caused would have reached it by now.
  await projector.send({ type: "say", channel: "floor", text: "probe" }).catch(() => {});
  expect(await state()).toStrictEqual(before);
  everyone.forEach((p, i) => {
    if (p !== by && p !== projector) expect(p.received.length, `${p.label} heard something`).toBe(heard[i]);
  });
  expect(by.connected).toBe(true);
  expect(error.message.length).toBeGreaterThan(5);
  return error;
}

/** Sends a raw message of any type and shape; resolves with the next error. */
async function raw(p: Player, type: string, payload: unknown) {
  const from = p.received.length;
  p.room.send(type, payload);
  return p.next("error", from);
}

beforeAll(async () => {
  server = await startServer();
  const created = await createSession(server, { scenario: miniInput() });
  code = created.code;
  host = await Player.join(server, code, { hostKey: created.hostKey }, "host");
  projector = await Player.join(server, code, { observer: true }, "projector");
  wei = await Player.join(server, code, { name: "Wei", delegation: "china" }, "wei");
  lin = await Player.join(server, code, { name: "Lin", delegation: "china" }, "lin");
  ivan = await Player.join(server, code, { name: "Ivan", delegation: "russia" }, "ivan");
  amy = await Player.join(server, code, { name: "Amy", delegation: "usa" }, "amy");
  everyone = [host, projector, wei, lin, ivan, amy];
});

afterAll(async () => {
  for (const p of everyone) await p.leave();
  await server.close();
});

describe("refusals answer the client that sent them and change nothing", () => {
  it("malformed payloads are BAD_MESSAGE naming the field", async () => {
    let e = await refusedWithoutChange(wei, () => raw(wei, "act", "table everything"));
    expect(e.code).toBe("BAD_MESSAGE");
    e = await refusedWithoutChange(wei, () =>
      raw(wei, "act", { seq: 1, action: { type: "provision.table", instrument: "code" } }),
    );
    expect(e).toMatchObject({ code: "BAD_MESSAGE", action: "provision.table", seq: 1 });
    expect(e.message).toContain("action.card");
    e = await refusedWithoutChange(wei, () => raw(wei, "act", { seq: "one", action: { type: "phase.next" } }));
    expect(e.code).toBe("BAD_MESSAGE");
    expect(e.message).toContain("seq");
    e = await refusedWithoutChange(wei, () =>
      raw(wei, "act", { seq: 2, action: { type: "seat.join", role: "delegate", name: "Sneaky" } }),
    );
    expect(e.code).toBe("BAD_MESSAGE");
  });

  it("unknown message types are UNKNOWN_MESSAGE", async () => {
    const e = await refusedWithoutChange(lin, () => raw(lin, "hello", { please: "let me in" }));
    expect(e.code).toBe("UNKNOWN_MESSAGE");
    expect(e.message).toContain("hello");
  });

  it("actions out of phase are WRONG_PHASE", async () => {
    const e = await refusedWithoutChange(wei, () =>
      wei.refused({ type: "provision.table", instrument: "code", card: "sovereignty" }),
    );
    expect(e).toMatchObject({ code: "WRONG_PHASE", action: "provision.table" });
  });

  it("host actions from a delegate are NOT_HOST; delegate actions from the projector are NOT_DELEGATE", async () => {
    expect((await refusedWithoutChange(ivan, () => ivan.refused({ type: "phase.next" }))).code).toBe("NOT_HOST");
    expect((await refusedWithoutChange(ivan, () => ivan.refused({ type: "session.lock", locked: true }))).code).toBe(
      "NOT_HOST",
    );
    const e = await refusedWithoutChange(projector, () => projector.refused({ type: "channel.open", with: ["china"] }));
    expect(e.code).toBe("NOT_DELEGATE");
  });

  it("bytes that are not a readable message are BAD_MESSAGE, not a disconnect", async () => {
    // ROOM_DATA (13), the type "act" as a short string, then 0xc1: a byte msgpack never uses.
    const garbage = [13, 0xa3, 0x61, 0x63, 0x74, 0xc1, 0xc1];
    const e = await refusedWithoutChange(ivan, async () => {
      const from = ivan.received.length;
      (ivan.room.connection as unknown as { send(data: number[]): void }).send(garbage);
      return ivan.next("error", from);
    });
    expect(e.code).toBe("BAD_MESSAGE");
    expect(e.message).toContain("could not read");
  });

  it("text over its bound is refused by the protocol; a message over 4 KB is TOO_LARGE", async () => {
    let e = await refusedWithoutChange(lin, () =>
      lin.refused({ type: "say", channel: "team-china", text: "x".repeat(LIMITS.chatLine + 1) }),
    );
    expect(e.code).toBe("BAD_MESSAGE");
    expect(e.message).toContain("action.text");
    e = await refusedWithoutChange(lin, () =>
      raw(lin, "act", { seq: 99, action: { type: "say", channel: "floor", text: "y".repeat(6000) } }),
    );
    expect(e.code).toBe("TOO_LARGE");
  });

  it("not the head of delegation: only Wei signs for China", async () => {
    for (let i = 0; i < 2; i++) await host.ok({ type: "phase.next" });
    await wei.ok({ type: "provision.table", instrument: "code", card: "threat-data" });
    await host.ok({ type: "phase.next" });
    await host.ok({ type: "instrument.freeze", instrument: "code" });
    await host.ok({ type: "phase.next" });
    await until(() => lin.view?.phase === "signing", "signing on lin's screen");
    const version = lin.view!.instruments[0]!.frozen!.version;
    const e = await refusedWithoutChange(lin, () => lin.refused({ type: "sign", instrument: "code", version }));
    expect(e.code).toBe("NOT_HEAD_OF_DELEGATION");
    expect(e.message).toContain("Wei");
  });

  it("a resent action (same seq) is acknowledged and applied once", async () => {
    const answer = await ivan.send({ type: "say", channel: "floor", text: "Russia will sign." }, 500);
    expect(answer.type).toBe("ack");
    const before = await state();
    const again = await ivan.send({ type: "say", channel: "floor", text: "Russia will sign." }, 500);
    expect(again).toEqual({ type: "ack", seq: 500 });
    expect(await state()).toStrictEqual(before);
    const floor = (await state()).channels.find((c) => c.id === "floor")!;
    expect(floor.messages.filter((m) => m.text === "Russia will sign.")).toHaveLength(1);
  });

  it("flooding is RATE_LIMITED; the client stays and can act again after a pause", async () => {
    const from = amy.received.length;
    const flood = LIMITS.rateBurst * 2;
    for (let i = 1; i <= flood; i++)
      amy.room.send("act", { seq: 1000 + i, action: { type: "say", channel: "floor", text: `spam ${i}` } });
    // Every message is answered: an ack, or an error before it is even read.
    await until(
      () => amy.received.slice(from).filter((m) => m.type === "ack" || m.type === "error").length === flood,
      "an answer to each",
    );
    const answers = amy.received.slice(from);
    const acks = answers.filter((m) => m.type === "ack").length;
    const limited = answers.filter((m) => m.type === "error" && m.code === "RATE_LIMITED").length;
    expect(acks + limited).toBe(flood);
    expect(acks).toBeGreaterThanOrEqual(LIMITS.rateBurst - 5);
    expect(limited).toBeGreaterThan(0);
    // Each refusal names the act it turned down, so the page knows which of its actions to try again.
    const answered = answers.flatMap((m) => (m.type === "ack" || m.type === "error" ? [m.seq] : []));
    expect(answered.every((seq) => seq !== undefined)).toBe(true);
    expect(new Set(answered).size).toBe(flood);
    expect(answers.find((m) => m.type === "error")).toMatchObject({ action: "say" });
    const floor = (await state()).channels.find((c) => c.id === "floor")!;
    expect(floor.messages.filter((m) => m.text.startsWith("spam ")).length).toBe(acks);
    expect(amy.connected).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));
    await amy.ok({ type: "say", channel: "floor", text: "Sorry about that." });
  });
});

describe("refused joins say why", () => {
  const join = (options: Record<string, unknown>, joinCode = code) =>
    new Client(server.url).joinById(joinCode, options);
  const reason = async (options: Record<string, unknown>, joinCode = code) => {
    const before = await state();
    const error = await join(options, joinCode).then(
      () => null,
      (e: Error) => e,
    );
    expect(await state()).toStrictEqual(before);
    return error?.message ?? "joined";
  };

  it("name taken, name not allowed, unknown delegation, bad host key, unknown session", async () => {
    expect(await reason({ name: "wei" })).toMatch(/^NAME_TAKEN: /);
    expect(await reason({ name: "Teacher" })).toMatch(/^NAME_NOT_ALLOWED: /);
    expect(await reason({ name: "<script>" })).toMatch(/^NAME_NOT_ALLOWED: /);
    expect(await reason({ name: "Zed", delegation: "atlantis" })).toMatch(/^UNKNOWN_DELEGATION: /);
    expect(await reason({ hostKey: "not-the-host-key-at-all" })).toMatch(/^BAD_HOST_KEY: /);
    expect(await reason({ seatToken: "AAAAAAAAAAAAAAAAAAAAAA" })).toMatch(/^UNKNOWN_SEAT: /);
    expect(await reason({ name: "Zed" }, "WWWWWW")).toMatch(/^UNKNOWN_SESSION: /);
  });

  it("a locked session refuses new delegates but still takes the projector", async () => {
    await host.ok({ type: "session.lock", locked: true });
    expect(await reason({ name: "Latecomer" })).toMatch(/^LOCKED: /);
    const screen = await Player.join(server, code, { observer: true }, "second screen");
    expect(screen.welcome.role).toBe("observer");
    await screen.leave();
  });
});
