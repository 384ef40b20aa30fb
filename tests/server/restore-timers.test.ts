// Creation and restore are one path: a session already in the store comes
// back at start (seats, phase, running timer with the time it had left), an
// ended one is woken only when asked for. Timers run on the server clock and
// do what the phase plan says when they run out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { openMemoryStore } from "../../server/store/memory.ts";
import { mintSeatSecrets, sha256Hex } from "../../server/secrets.ts";
import type { JournalEntry, SessionStore } from "../../server/store/types.ts";
import type { Command } from "../../shared/rules/api.ts";
import { miniScenario } from "../fixtures/mini-scenario.ts";
import { Player, startServer, until } from "./harness.ts";

const MINUTE = 60_000;
let offset = 0;
const now = () => Date.now() + offset;
let server: AccordServer;
const opened: Player[] = [];
const HOST_KEY = "host-key-for-the-restore-test";
const wei = mintSeatSecrets();
const startedAt = Date.now() - 10 * MINUTE;
const lastSeen = Date.now() - 2 * MINUTE;

/** A session journaled by an earlier process: Wei joined, the host moved to opening (a 5-minute timer). */
function seed(store: SessionStore, code: string, opts: { ended: boolean; openingAt: number }) {
  store.create(
    { scenario: miniScenario(), code, now: startedAt, hostTokenHash: sha256Hex(HOST_KEY), hostRejoinCode: "HHHH" },
    { code, scenarioId: "mini", title: "Mini code", createdAt: startedAt, updatedAt: startedAt },
  );
  const commands: [JournalEntry["actor"], Command, JournalEntry["ctx"]][] = [
    [
      { kind: "system" },
      { type: "seat.join", role: "delegate", name: "Wei", delegation: "china" },
      { now: startedAt + 1000, fresh: wei.fresh },
    ],
    [{ kind: "seat", seat: "s1" }, { type: "phase.next" }, { now: opts.openingAt }],
  ];
  if (opts.ended)
    commands.push([{ kind: "seat", seat: "s1" }, { type: "session.end" }, { now: opts.openingAt + 1000 }]);
  commands.forEach(([actor, command, ctx], i) => store.append(code, { seq: i + 1, actor, command, ctx }));
}

beforeAll(async () => {
  const store = openMemoryStore();
  // The timer started 4 minutes before the old process was last seen: 1 minute was left.
  seed(store, "ACDEFG", { ended: false, openingAt: lastSeen - 4 * MINUTE });
  seed(store, "HJKMNP", { ended: true, openingAt: lastSeen - 4 * MINUTE });
  server = await startServer({ store, restore: true, lastSeen, now });
});

afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

describe("restore at start", () => {
  it("reopens an unfinished session with its seats and phase; nobody is connected yet", async () => {
    const facts = (await (await fetch(`${server.url}/api/sessions/ACDEFG`)).json()) as any;
    expect(facts).toMatchObject({ phase: "opening", ended: false });
    expect(facts.delegations.find((d: { id: string }) => d.id === "china").seated).toBe(1);
    const state = (await server.sessions.state("ACDEFG"))!;
    expect(state.seats.every((s) => !s.connected)).toBe(true);
  });

  it("a running timer goes on with the time it had left when the old process was last seen", async () => {
    const state = (await server.sessions.state("ACDEFG"))!;
    expect(state.timer.state).toBe("running");
    if (state.timer.state !== "running") return;
    const left = state.timer.endsAt - now();
    expect(left).toBeGreaterThan(MINUTE - 5_000);
    expect(left).toBeLessThanOrEqual(MINUTE);
  });

  it("the delegate takes the seat back with the token the old process gave", async () => {
    const back = await Player.join(server, "ACDEFG", { seatToken: wei.token }, "wei");
    opened.push(back);
    expect(back.welcome).toMatchObject({ seat: "s2", delegation: "china", role: "delegate" });
    expect(back.view!.seats.find((s) => s.id === "s2")?.connected).toBe(true);
  });

  it("an ended session is not reopened at start, but is woken when someone asks for it", async () => {
    const before = server.store.list().length;
    const res = await fetch(`${server.url}/api/sessions/HJKMNP`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ended: true, joinable: false });
    expect(server.store.list().length).toBe(before);
  });
});

describe("timers on the server clock", () => {
  it("when the opening timer runs out, the phase plan moves everyone on to negotiation", async () => {
    const host = await Player.join(server, "ACDEFG", { hostKey: HOST_KEY }, "host");
    opened.push(host);
    expect(host.view!.phase).toBe("opening");
    offset += 2 * MINUTE; // the mini scenario's opening phase says "advance" when it runs out
    await until(() => host.view!.phase === "negotiation", "the deadline to move the phase on", 4_000);
    await until(() => opened.every((p) => p.view!.phase === "negotiation"), "every screen to follow");
    expect(host.view!.timer.state).toBe("running");
  });
});
