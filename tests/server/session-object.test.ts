// The session's behaviour without a network: fake sockets that record what
// they are sent, and a fake clock the test moves by hand. Seat holds expire,
// deadlines fire, each audience gets what it may see and nothing else, and a
// refused message changes nothing for anyone.
import { beforeEach, describe, expect, it } from "vitest";
import { Session, type SessionDeps } from "../../server/room/session.ts";
import type { Cancel, Connection, Scheduler } from "../../server/room/ports.ts";
import { openMemoryStore } from "../../server/store/memory.ts";
import { JoinLimits } from "../../server/limits/joins.ts";
import { sha256Hex } from "../../server/secrets.ts";
import { applyPatch } from "../../shared/patch.ts";
import type { ScenarioInput } from "../../shared/scenario.ts";
import type { ServerMessage, ServerMessageOf } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";
import { SECRETS, T0, miniScenario } from "../fixtures/mini-scenario.ts";
import { quietLog } from "../../server/log.ts";
import { CONSENSUS_SILENCE_MS } from "../../shared/rules/amendments.ts";

const MINUTE = 60_000;
const HOST_KEY = "host-key-for-the-session-object-test";

/** A clock and timers the test moves by hand. */
class FakeClock implements Scheduler {
  t = T0;
  private timers: { at: number; every: number | null; run: () => void; live: boolean }[] = [];
  now = () => this.t;
  setTimeout(run: () => void, ms: number): Cancel {
    return this.add(run, ms, null);
  }
  setInterval(run: () => void, ms: number): Cancel {
    return this.add(run, ms, ms);
  }
  private add(run: () => void, ms: number, every: number | null): Cancel {
    const timer = { at: this.t + ms, every, run, live: true };
    this.timers.push(timer);
    return { clear: () => void (timer.live = false) };
  }
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.live && x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.t = Math.max(this.t, due.at);
      if (due.every === null) due.live = false;
      else due.at += due.every;
      due.run();
    }
    this.t = end;
    this.timers = this.timers.filter((x) => x.live);
  }
}

let ids = 0;
/** A socket that keeps everything it is sent and the view those messages add up to. */
class FakeSocket implements Connection {
  readonly id = `fake-${++ids}`;
  readonly received: ServerMessage[] = [];
  view: SessionView | null = null;
  closed: { code: number; reason?: string } | null = null;
  send(message: ServerMessage): void {
    // What a socket would carry: a copy, so nothing is shared with the session by reference.
    const m = structuredClone(message);
    this.received.push(m);
    if (m.type === "view") this.view = m.view as SessionView;
    if (m.type === "patch") this.view = applyPatch(this.view, m.ops);
  }
  close(code: number, reason?: string): void {
    this.closed = { code, ...(reason !== undefined ? { reason } : {}) };
  }
  of<T extends ServerMessage["type"]>(type: T): ServerMessageOf<T>[] {
    return this.received.filter((m): m is ServerMessageOf<T> => m.type === type);
  }
  last<T extends ServerMessage["type"]>(type: T): ServerMessageOf<T> | undefined {
    return this.of(type).at(-1);
  }
}

function openSession(over: Partial<ScenarioInput> = {}) {
  const clock = new FakeClock();
  const store = openMemoryStore();
  const code = "ACDEFG";
  store.create(
    { scenario: miniScenario(over), code, now: clock.t, hostTokenHash: sha256Hex(HOST_KEY), hostRejoinCode: "HHHH" },
    { code, scenarioId: "mini", title: "Mini code", createdAt: clock.t, updatedAt: clock.t },
  );
  const deps: SessionDeps = {
    store,
    holdMs: { delegate: 2 * MINUTE, host: 10 * MINUTE },
    joinLimits: new JoinLimits(),
    lastSeen: null,
    log: quietLog(),
    now: clock.now,
    scheduler: clock,
    rate: { burst: 20, perSecond: 5 },
  };
  const session = new Session(deps, store.load(code)!);
  let seq = 0;
  const join = (options: unknown) => {
    const socket = new FakeSocket();
    const outcome = session.join(socket, options, "10.0.0.1");
    if (!outcome.ok) throw new Error(`join refused: ${outcome.code} ${outcome.message}`);
    return socket;
  };
  const act = (socket: FakeSocket, action: Record<string, unknown>, s = ++seq) => {
    session.receive(socket, "act", { seq: s, action });
    return socket.received.at(-1);
  };
  return { clock, store, session, join, act, deps };
}

describe("Session (no network, fake clock)", () => {
  let t: ReturnType<typeof openSession>;
  let host: FakeSocket, wei: FakeSocket, li: FakeSocket, ann: FakeSocket, screen: FakeSocket;

  beforeEach(() => {
    t = openSession();
    host = t.join({ hostKey: HOST_KEY });
    wei = t.join({ name: "Wei", delegation: "china" });
    li = t.join({ name: "Li", delegation: "china" });
    ann = t.join({ name: "Ann", delegation: "usa" });
    screen = t.join({ observer: true });
  });

  it("welcomes each seat and sends each audience its own view", () => {
    expect(host.last("welcome")).toMatchObject({ seat: "s1", role: "host", rejoinCode: null });
    expect(wei.last("welcome")).toMatchObject({ role: "delegate", delegation: "china" });
    expect(wei.last("welcome")!.seatToken).toMatch(/.{16,}/);
    expect(JSON.stringify(wei.view)).toContain(SECRETS.china.instructions);
    expect(JSON.stringify(wei.view)).not.toContain(SECRETS.usa.instructions);
    expect(JSON.stringify(ann.view)).not.toContain(SECRETS.china.instructions);
    expect(JSON.stringify(screen.view)).not.toContain(SECRETS.china.instructions);
    expect(host.view!.seats.map((s) => s.name)).toEqual(["Host", "Wei", "Li", "Ann", "Projector"]);
  });

  it("a team line reaches its team and the host, view and event, and nobody else", () => {
    const before = { ann: ann.received.length, screen: screen.received.length };
    expect(t.act(wei, { type: "say", channel: "team-china", text: "Hold the line on sovereignty" })).toMatchObject({
      type: "ack",
    });
    for (const reader of [wei, li, host]) {
      expect(reader.view!.channels.find((c) => c.id === "team-china")!.messages.at(-1)!.text).toBe(
        "Hold the line on sovereignty",
      );
      expect(JSON.stringify(reader.of("event"))).toContain("Hold the line on sovereignty");
    }
    expect(ann.received.length).toBe(before.ann);
    expect(screen.received.length).toBe(before.screen);
  });

  it("a refused message is answered to its sender only and changes nothing", () => {
    const state = t.session.state;
    const counts = [host, li, ann, screen].map((s) => s.received.length);
    const trap = {
      get seq() {
        throw new Error("trap");
      },
    };
    const bodies: [unknown, unknown][] = [
      ["act", { toString: 1 }],
      ["act", trap],
      ["act", { seq: 1, action: { type: "say", channel: "floor", text: { valueOf: () => "x" } } }],
      [
        "act",
        new Proxy(
          {},
          {
            ownKeys: () => {
              throw new Error("trap");
            },
          },
        ),
      ],
      ["act", JSON.parse("[".repeat(5000) + "]".repeat(5000))],
      ["act", "x".repeat(100_000)],
      ["act", Buffer.from([0xc1, 0xff, 0x00])],
      ["act", { seq: 1, action: { type: "phase.next" } }],
      // Found by the transport fuzz (seed 9, #39439): zod compared this `length` while checking, and threw.
      ["act", { seq: 1, action: { type: "channel.open", with: { length: { valueOf: 1, toString: 1 } } } }],
      ["*", { toString: 1 }],
      ["__no_message_handler", "x".repeat(200)],
      [42, undefined],
      [{ toString: 1 }, { valueOf: 1 }],
      [Symbol("s"), null],
    ];
    for (const [type, body] of bodies) {
      const from = wei.received.length;
      t.session.receive(wei, type, body);
      const answers = wei.received.slice(from);
      expect(answers, `answer to ${String(typeof type)}`).toHaveLength(1);
      expect(answers[0]).toMatchObject({ type: "error" });
      expect(["BAD_MESSAGE", "UNKNOWN_MESSAGE", "NOT_HOST"]).toContain((answers[0] as { code: string }).code);
    }
    expect(t.session.state).toBe(state);
    expect([host, li, ann, screen].map((s) => s.received.length)).toEqual(counts);
    expect(wei.closed).toBeNull();
  });

  it("an action sent twice with the same seq is applied once and acknowledged twice", () => {
    t.act(host, { type: "phase.next" }); // opening: the floor is open
    const line = { type: "say", channel: "floor", text: "Good morning, delegates" };
    expect(t.act(wei, line, 7)).toEqual({ type: "ack", seq: 7 });
    expect(t.act(wei, line, 7)).toEqual({ type: "ack", seq: 7 });
    const floor = ann.view!.channels.find((c) => c.id === "floor")!;
    expect(floor.messages.filter((m) => m.text === "Good morning, delegates")).toHaveLength(1);
  });

  it("a dropped delegate's seat is held 2 minutes: back in time it is the same seat, seen whole again", () => {
    expect(t.session.leave(wei, false)).toBe(true);
    expect(host.view!.seats.find((s) => s.name === "Wei")!.connected).toBe(false);
    t.clock.advance(2 * MINUTE - 1);
    const from = wei.received.length;
    t.session.reconnect(wei);
    expect(wei.received.slice(from).some((m) => m.type === "view")).toBe(true);
    expect(host.view!.seats.find((s) => s.name === "Wei")!.connected).toBe(true);
    // The old hold's timer is gone: nothing happens at the 2-minute mark.
    t.clock.advance(MINUTE);
    expect(host.view!.seats.some((s) => s.name === "Wei")).toBe(true);
  });

  it("after 2 minutes away the seat is given up and the transport told to stop waiting", () => {
    let stopped = 0;
    t.session.leave(wei, false, () => stopped++);
    t.clock.advance(2 * MINUTE);
    expect(stopped).toBe(1);
    expect(host.view!.seats.some((s) => s.name === "Wei")).toBe(false);
    expect(JSON.stringify(ann.of("event"))).toContain("Wei left");
    t.session.reconnect(wei); // too late: changes nothing
    expect(host.view!.seats.some((s) => s.name === "Wei")).toBe(false);
  });

  it("from the debrief on, a delegate's seat is never given up: the teacher grades from it", () => {
    for (let i = 0; i < 5; i++) t.act(host, { type: "phase.next" });
    expect(host.view!.phase).toBe("debrief");
    t.act(wei, { type: "reflection.answer", question: 0, text: "Nobody, and that was the point." });
    let stopped = 0;
    t.session.leave(wei, false, () => stopped++);
    t.clock.advance(30 * MINUTE);
    expect(stopped).toBe(1);
    expect(host.view!.seats.find((s) => s.name === "Wei")).toMatchObject({ connected: false });
    expect(host.view!.reflections!.map((r) => r.seat)).toEqual([wei.last("welcome")!.seat]);
    // Coming back (a new device, the rejoin code) finds the seat and its own answer.
    const back = t.join({ rejoinCode: wei.last("welcome")!.rejoinCode! });
    expect(back.last("reflection")!.answers).toEqual(["Nobody, and that was the point."]);
  });

  it("the host's seat is held 10 minutes and never given up", () => {
    let stopped = 0;
    t.session.leave(host, false, () => stopped++);
    t.clock.advance(9 * MINUTE);
    expect(stopped).toBe(0);
    t.clock.advance(MINUTE);
    expect(stopped).toBe(1);
    expect(ann.view!.seats.find((s) => s.id === "s1")).toMatchObject({ connected: false });
    const back = t.join({ hostKey: HOST_KEY });
    expect(back.last("welcome")).toMatchObject({ seat: "s1", role: "host" });
  });

  it("a delegate who says goodbye gives the seat up at once", () => {
    expect(t.session.leave(ann, true)).toBe(false);
    expect(host.view!.seats.some((s) => s.name === "Ann")).toBe(false);
  });

  it("the same seat opened on another device: the first is told and let go, its hold ends", () => {
    const token = li.last("welcome")!.seatToken!;
    const second = t.join({ seatToken: token });
    expect(li.last("notice")).toMatchObject({ kind: "seat-taken-over" });
    expect(li.closed).toMatchObject({ code: 4000 });
    expect(second.last("welcome")).toMatchObject({ seat: li.last("welcome")!.seat });
    // Its transport reports the close: the seat stays with the new device.
    expect(t.session.leave(li, false)).toBe(false);
    expect(host.view!.seats.find((s) => s.name === "Li")!.connected).toBe(true);
  });

  it("the phase deadline fires on the clock: opening runs out and the plan moves everyone to negotiation", () => {
    t.act(host, { type: "phase.next" });
    expect(host.view!.phase).toBe("opening");
    expect(host.view!.timer.state).toBe("running");
    t.clock.advance(5 * MINUTE - 1);
    expect(wei.view!.phase).toBe("opening");
    t.clock.advance(1);
    for (const s of [host, wei, ann, screen]) expect(s.view!.phase).toBe("negotiation");
  });

  it("a paused timer does not fire; resumed, it fires with the time it had left", () => {
    t.act(host, { type: "phase.next" });
    t.clock.advance(MINUTE);
    t.act(host, { type: "timer.pause" });
    t.clock.advance(30 * MINUTE);
    expect(wei.view!.phase).toBe("opening");
    t.act(host, { type: "timer.resume" });
    t.clock.advance(4 * MINUTE);
    expect(wei.view!.phase).toBe("negotiation");
  });

  it("resync sends the sender its audience's whole view, and nobody else anything", () => {
    const from = [ann.received.length, host.received.length];
    wei.view = null;
    t.session.receive(wei, "resync", undefined);
    expect(wei.last("view")!.view).toBeTruthy();
    expect(JSON.stringify(wei.view)).toContain(SECRETS.china.instructions);
    expect([ann.received.length, host.received.length]).toEqual(from);
  });

  it("closing tells everyone why, stops the timers, and keeps every seat", () => {
    t.act(host, { type: "phase.next" });
    t.session.close("restarting", "The server is restarting.");
    expect(ann.last("notice")).toMatchObject({ kind: "restarting" });
    t.session.leave(ann, false);
    t.clock.advance(30 * MINUTE);
    expect(t.session.state.phase).toBe("opening");
    expect(t.session.state.seats.some((s) => s.name === "Ann")).toBe(true);
  });
});

describe("Session: what the host reads is what the scenario says", () => {
  const privateLine = "PRIVATE-LINE keep this between us";
  const teamLine = "TEAM-LINE our fallback position";

  for (const [team, priv] of [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ] as const) {
    it(`team channels ${team ? "read" : "not read"}, private channels ${priv ? "read" : "not read"} by the host`, () => {
      const t = openSession({ hostReadsTeamChannels: team, hostReadsPrivateChannels: priv });
      const host = t.join({ hostKey: HOST_KEY });
      const wei = t.join({ name: "Wei", delegation: "china" });
      const ann = t.join({ name: "Ann", delegation: "usa" });
      expect(wei.last("welcome")).toMatchObject({ hostReadsTeamChannels: team, hostReadsPrivateChannels: priv });
      t.act(wei, { type: "say", channel: "team-china", text: teamLine });
      t.act(host, { type: "phase.next" });
      t.act(host, { type: "phase.next" });
      expect(t.act(wei, { type: "channel.open", with: ["usa"], title: "Quiet corner" })).toMatchObject({
        type: "ack",
      });
      const channel = wei.view!.channels.find((c) => c.kind === "private")!;
      expect(t.act(ann, { type: "say", channel: channel.id, text: privateLine })).toMatchObject({ type: "ack" });
      // Everything the host's socket was sent, events included.
      const all = JSON.stringify(host.received);
      expect(all.includes(teamLine)).toBe(team);
      expect(all.includes(privateLine)).toBe(priv);
      expect(all.includes("Quiet corner")).toBe(priv);
      // The delegations themselves read their own.
      expect(JSON.stringify(wei.received)).toContain(privateLine);
      expect(JSON.stringify(ann.received)).not.toContain(teamLine);
    });
  }
});

describe("Session after a restart", () => {
  it("brings a computer delegation back online with its driver, while absent students stay offline", async () => {
    const t = openSession();
    const host = t.join({ hostKey: HOST_KEY });
    t.join({ name: "Wei", delegation: "china" });
    t.act(host, { type: "computer.on", delegation: "usa", difficulty: "cooperative" });
    await Promise.resolve();
    t.session.dispose();

    // The same journal, opened again as after a restart.
    const deps = { ...t.deps, lastSeen: t.clock.t };
    const again = new Session(deps, t.store.load("ACDEFG")!);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    const seats = again.state.seats;
    expect(seats.find((s) => s.delegation === "usa")).toMatchObject({ computer: "cooperative", connected: true });
    expect(seats.find((s) => s.name === "Wei")).toMatchObject({ connected: false });
    again.dispose();
  });
});

describe("Session: consensus deadlines on the server's clock", () => {
  it("adopts an amendment nobody objected to when its deadline passes, with nobody acting, and tells everyone", () => {
    const t = openSession();
    const host = t.join({ hostKey: HOST_KEY });
    const wei = t.join({ name: "Wei", delegation: "china" });
    const ann = t.join({ name: "Ann", delegation: "usa" });
    t.act(host, { type: "phase.next" });
    t.act(host, { type: "phase.next" });
    expect(t.act(wei, { type: "provision.table", instrument: "code", card: "non-aggression" })).toMatchObject({
      type: "ack",
    });
    const provision = wei.view!.provisions[0]!;
    expect(
      t.act(ann, {
        type: "amendment.propose",
        provision: provision.id,
        baseVersion: 1,
        edit: { kind: "insert", at: 0, text: "All" },
      }),
    ).toMatchObject({ type: "ack" });
    const pending = () => ann.view!.amendments.filter((a) => a.status === "pending").length;
    expect(pending()).toBe(1);
    t.clock.advance(CONSENSUS_SILENCE_MS - 2_000);
    expect(pending()).toBe(1);
    t.clock.advance(3_000);
    for (const socket of [host, wei, ann]) {
      expect(socket.of("event").map((e) => e.event.type)).toContain("amendment.adopted");
      expect(socket.view!.provisions[0]!.versions.at(-1)!.text).toMatch(/^All /);
    }
    expect(pending()).toBe(0);
  });
});
