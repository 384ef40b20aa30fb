// A lesson over two periods: the class negotiates, the teacher adjourns and
// stops the server at the bell, and days later everything is back: the phase,
// the provisions, the private channel, the paused timer, every seat.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { freePort, ServerProcess } from "../durability/server-process.ts";
import { createSession, Player, until } from "../server/harness.ts";

let proc: ServerProcess;
let dir: string;
const players: Player[] = [];
const server = () => ({ url: proc.url }) as AccordServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "accord-two-periods-"));
  proc = new ServerProcess(await freePort(), dir);
  await proc.start();
});

afterAll(async () => {
  for (const p of players) await p.leave();
  await proc.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("two-periods preset", () => {
  it("holds at the end of negotiation, survives a stop of the server, and resumes where it stopped", async () => {
    const created = await createSession(server(), { scenario: "cyber-code", preset: "two-periods" });
    const host = await Player.join(server(), created.code, { hostKey: created.hostKey }, "host");
    const ana = await Player.join(server(), created.code, { name: "Ana", delegation: "china" }, "ana");
    const ben = await Player.join(server(), created.code, { name: "Ben", delegation: "russia" }, "ben");
    players.push(host, ana, ben);
    expect(host.view!.lesson).toEqual({ preset: "two-periods", pauseAfter: "negotiation", revealChannels: true });
    expect(host.view!.scenario.phases.map((p) => p.minutes)).toEqual([5, 9, 26, 12, 7, 21]);

    await host.ok({ type: "phase.next" });
    await host.ok({ type: "phase.next" });
    expect(host.view!.phase).toBe("negotiation");
    await ana.ok({ type: "provision.table", instrument: "code", card: "protected-infrastructure" });
    await ana.ok({ type: "channel.open", with: ["russia"] });
    const channel = ana.view!.channels.find((c) => c.kind === "private")!.id;
    await ana.ok({ type: "say", channel, text: "Meet us halfway on hospitals?" });
    // The bell: the teacher adjourns (the clock stops) and shuts the laptop with everyone still connected.
    await host.ok({ type: "session.adjourn", adjourned: true });
    const anaToken = ana.welcome.seatToken!;
    const left = host.view!.timer;
    expect(left.state).toBe("paused");
    // Only reconvening runs the clock again: the timer's own buttons are refused while adjourned.
    expect((await host.refused({ type: "timer.resume" })).code).toBe("ADJOURNED");
    expect((await host.refused({ type: "timer.start", minutes: 5 })).code).toBe("ADJOURNED");
    expect(host.view!.timer).toEqual(left);
    expect(await proc.stop()).toBe(0);
    players.splice(0);

    await proc.start();
    const host2 = await Player.join(server(), created.code, { hostKey: created.hostKey }, "host again");
    const ana2 = await Player.join(server(), created.code, { seatToken: anaToken }, "ana again");
    players.push(host2, ana2);
    const v = ana2.view!;
    expect(v.phase).toBe("negotiation");
    expect(v.timer).toEqual(left);
    expect(v.provisions.map((p) => p.card)).toEqual(["protected-infrastructure"]);
    expect(v.channels.find((c) => c.id === channel)?.messages.map((m) => m.text)).toEqual([
      "Meet us halfway on hospitals?",
    ]);
    expect(ana2.welcome).toMatchObject({ delegation: "china", role: "delegate" });

    expect(v.seats.find((s) => s.name === "Ben")).toMatchObject({ delegation: "russia", connected: false });
    // A page opened anew numbers its actions from the wall clock (client/net/seq.ts), past the old ones.
    expect(await host2.send({ type: "session.adjourn", adjourned: false }, Date.now())).toMatchObject({ type: "ack" });
    await until(() => host2.view!.timer.state === "running", "the timer to run again");
    expect(await host2.send({ type: "phase.next" }, Date.now() + 1)).toMatchObject({ type: "ack" });
    await until(() => ana2.view?.phase === "final-text", "the final text on Ana's screen");
    expect(ana2.view!.timer).toMatchObject({ state: "running", durationMs: 12 * 60_000 });
  });
});
