// A dropped client gets its seat back while the seat is held (Colyseus
// reconnection, or the seat token from another device or a reload); after the
// hold time the seat is given up. The host sees who is connected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { AccordServer } from "../../server/app.ts";
import { miniInput } from "../fixtures/mini-scenario.ts";
import { createSession, Player, startServer, until } from "./harness.ts";

const HOLD_MS = 1_500;
let server: AccordServer;
let code = "";
let hostKey = "";
let host: Player;
const opened: Player[] = [];

async function join(options: Parameters<typeof Player.join>[2], label: string) {
  const p = await Player.join(server, code, options, label);
  opened.push(p);
  return p;
}

/** An abnormal close, as a lost Wi-Fi or a killed tab would give (not a goodbye). */
function drop(p: Player) {
  p.room.connection.close(4001, "network lost");
}

const seatOf = (name: string) => host.view!.seats.find((s) => s.name === name);

beforeAll(async () => {
  server = await startServer({ holdMs: HOLD_MS });
  const created = await createSession(server, miniInput());
  code = created.code;
  hostKey = created.hostKey;
  host = await join({ hostKey }, "host");
});

afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

describe("reconnection", () => {
  it("after an abnormal close, reconnecting within the hold returns the same seat", async () => {
    const wei = await join({ name: "Wei", delegation: "china" }, "wei");
    const token = wei.room.reconnectionToken;
    drop(wei);
    await until(() => seatOf("Wei")?.connected === false, "the host to see Wei offline");
    const room = await new Client(server.url).reconnect(token);
    const from = wei.received.length;
    wei.listen(room);
    // It missed patches while away: it gets the whole view again.
    const view = await wei.next("view", from);
    expect((view.view as { audience: unknown }).audience).toEqual({ kind: "delegation", delegation: "china" });
    await until(() => seatOf("Wei")?.connected === true, "the host to see Wei back");
    expect(seatOf("Wei")?.id).toBe(wei.seat);
    await wei.ok({ type: "say", channel: "team-china", text: "Back again." });
  });

  it("the seat token takes the seat back from a new device during the hold", async () => {
    const lin = await join({ name: "Lin", delegation: "china" }, "lin");
    drop(lin);
    await until(() => seatOf("Lin")?.connected === false, "the host to see Lin offline");
    const phone = await join({ seatToken: lin.welcome.seatToken! }, "lin's phone");
    expect(phone.seat).toBe(lin.seat);
    expect(phone.welcome.delegation).toBe("china");
    await until(() => seatOf("Lin")?.connected === true, "the host to see Lin back");
    // The hold ran out meanwhile and must not have given the seat up.
    await new Promise((r) => setTimeout(r, HOLD_MS + 300));
    expect(seatOf("Lin")).toMatchObject({ id: lin.seat, connected: true });
  });

  it("a second device with the seat token takes the seat; the first is told and let go", async () => {
    const ivan = await join({ name: "Ivan", delegation: "russia" }, "ivan");
    const from = ivan.received.length;
    const tablet = await join({ seatToken: ivan.welcome.seatToken! }, "ivan's tablet");
    const notice = await ivan.next("notice", from);
    expect(notice.kind).toBe("seat-taken-over");
    await until(() => !ivan.connected, "the first device to be let go");
    expect(tablet.seat).toBe(ivan.seat);
    await new Promise((r) => setTimeout(r, 200));
    expect(seatOf("Ivan")).toMatchObject({ id: ivan.seat, connected: true });
    await tablet.ok({ type: "say", channel: "team-russia", text: "On my tablet now." });
  });

  it("a rejoin code read out by the host gives the seat back too", async () => {
    const mei = await join({ name: "Mei", delegation: "china" }, "mei");
    drop(mei);
    await until(() => seatOf("Mei")?.connected === false, "the host to see Mei offline");
    const other = await join({ rejoinCode: seatOf("Mei")!.rejoinCode!.toLowerCase() }, "mei elsewhere");
    expect(other.seat).toBe(mei.seat);
    // The new device gets a token of its own, so a reload there needs no code; the old token no longer works.
    expect(other.welcome.seatToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(other.welcome.seatToken).not.toBe(mei.welcome.seatToken);
    drop(other);
    await until(() => seatOf("Mei")?.connected === false, "the host to see Mei offline again");
    const reloaded = await join({ seatToken: other.welcome.seatToken! }, "mei reloaded");
    expect(reloaded.seat).toBe(mei.seat);
    const stale = await new Client(server.url).joinById(code, { seatToken: mei.welcome.seatToken! }).then(
      () => "joined",
      (e: Error) => e.message,
    );
    expect(stale).toMatch(/^UNKNOWN_SEAT: /);
  });

  it("a client that missed a patch asks for its whole view and gets it without leaving", async () => {
    const sam = await join({ name: "Sam", delegation: "russia" }, "sam");
    // What Sam holds, built from the join view and the patches since: the whole view must say the same.
    await new Promise((r) => setTimeout(r, 200));
    const held = structuredClone(sam.view);
    const from = sam.received.length;
    sam.room.send("resync");
    const whole = await sam.next("view", from);
    expect(whole.view).toEqual(held);
    expect((whole.view as { audience: unknown }).audience).toEqual({ kind: "delegation", delegation: "russia" });
    expect(sam.received.slice(from).filter((m) => m.type === "error")).toEqual([]);
    expect(sam.connected).toBe(true);
    expect(seatOf("Sam")?.connected).toBe(true);
  });

  it("after the hold time the seat is given up and cannot be taken back", async () => {
    const amy = await join({ name: "Amy", delegation: "usa" }, "amy");
    const token = amy.room.reconnectionToken;
    drop(amy);
    await until(() => seatOf("Amy")?.connected === false, "the host to see Amy offline");
    await until(() => seatOf("Amy") === undefined, "the seat to be given up", HOLD_MS + 3_000);
    await expect(new Client(server.url).reconnect(token)).rejects.toThrow();
    const again = await new Client(server.url).joinById(code, { seatToken: amy.welcome.seatToken! }).then(
      () => "joined",
      (e: Error) => e.message,
    );
    expect(again).toMatch(/^UNKNOWN_SEAT: /);
  });

  it("the host keeps the host seat through a drop, and comes back with the host key", async () => {
    drop(host);
    await new Promise((r) => setTimeout(r, HOLD_MS + 500));
    const state = (await server.sessions.state(code))!;
    expect(state.seats.find((s) => s.id === "s1")).toMatchObject({ role: "host", connected: false });
    host = await join({ hostKey }, "host again");
    expect(host.welcome).toMatchObject({ seat: "s1", role: "host" });
    await until(() => seatOf("Host")?.connected === true, "the host seat to be connected");
  });

  it("a kicked delegate is told and let go; the seat is gone", async () => {
    const olga = await join({ name: "Olga", delegation: "russia" }, "olga");
    const from = olga.received.length;
    await host.ok({ type: "seat.kick", seat: olga.seat });
    expect((await olga.next("notice", from)).kind).toBe("kicked");
    await until(() => !olga.connected, "olga to be let go");
    await until(() => seatOf("Olga") === undefined, "the host to see the seat gone");
    const again = await new Client(server.url).joinById(code, { seatToken: olga.welcome.seatToken! }).then(
      () => "joined",
      (e: Error) => e.message,
    );
    expect(again).toMatch(/^UNKNOWN_SEAT: /);
  });

  it("a handed seat: the old device is told and let go, the new person takes it with the new rejoin code", async () => {
    const yuki = await join({ name: "Yuki", delegation: "usa" }, "yuki");
    const oldCode = seatOf("Yuki")!.rejoinCode!;
    const from = yuki.received.length;
    await host.ok({ type: "seat.hand", seat: yuki.seat });
    expect((await yuki.next("notice", from)).kind).toBe("seat-handed");
    await until(() => !yuki.connected, "yuki's old device to be let go");
    await until(
      () => seatOf("Yuki")?.rejoinCode !== oldCode && seatOf("Yuki")?.connected === false,
      "a new rejoin code",
    );
    const successor = await join({ rejoinCode: seatOf("Yuki")!.rejoinCode! }, "successor");
    expect(successor.seat).toBe(yuki.seat);
    const stale = await new Client(server.url).joinById(code, { seatToken: yuki.welcome.seatToken! }).then(
      () => "joined",
      (e: Error) => e.message,
    );
    expect(stale).toMatch(/^UNKNOWN_SEAT: /);
  });

  it("ending the session tells everyone, who stay to read the debrief", async () => {
    const from = host.received.length;
    await host.ok({ type: "session.end" });
    expect((await host.next("notice", from)).kind).toBe("session-ended");
    await until(() => host.view!.ended, "the host to see the session ended");
    expect(host.connected).toBe(true);
  });
});
