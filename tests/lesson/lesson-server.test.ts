// The lesson over real sockets: presets on offer and chosen when hosting,
// adjourning between two periods (seats are kept past the usual hold), the
// name filter, and the host renaming a seat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { createSession, Player, startServer, until } from "../server/harness.ts";

const HOLD_MS = 800;
let server: AccordServer;
const opened: Player[] = [];

async function join(code: string, options: Parameters<typeof Player.join>[2], label: string) {
  const p = await Player.join(server, code, options, label);
  opened.push(p);
  return p;
}

const post = (body: unknown) =>
  fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startServer({ holdMs: HOLD_MS });
});

afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

describe("presets over HTTP", () => {
  it("GET /api/scenarios lists each scenario's presets with their minutes", async () => {
    const body = (await (await fetch(`${server.url}/api/scenarios`)).json()) as {
      scenarios: { id: string; minutes: number; presets: { id: string; minutes: number; phases: unknown[] }[] }[];
    };
    const cyber = body.scenarios.find((s) => s.id === "cyber-code")!;
    expect(cyber.minutes).toBe(66);
    expect(cyber.presets.map((p) => [p.id, p.minutes])).toEqual([
      ["period-45", 42],
      ["two-periods", 80],
      ["workshop-90", 85],
    ]);
    expect(cyber.presets[0]!.phases).toHaveLength(6);
  });

  it("POST /api/sessions with a preset and the teacher's own minutes for one phase", async () => {
    const res = await post({ scenario: "cyber-code", preset: "period-45", minutes: { debrief: 12 } });
    expect(res.status).toBe(201);
    const { code, hostKey } = (await res.json()) as { code: string; hostKey: string };
    const host = await join(code, { hostKey }, "host");
    expect(host.view!.scenario.phases.map((p) => p.minutes)).toEqual([3, 5, 16, 5, 3, 12]);
    expect(host.view!.lesson).toMatchObject({ preset: "period-45", pauseAfter: null, revealChannels: true });
    // The briefing timer runs with the preset's minutes from the first phase change on.
    await host.ok({ type: "phase.next" });
    expect(host.view!.timer).toMatchObject({ state: "running", durationMs: 5 * 60_000 });
  });

  it("an unknown preset or bad minutes are refused with the field named, and nothing is created", async () => {
    const bad = await post({ scenario: "cyber-code", preset: "period-50" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [{ path: "preset", message: 'choose one of "period-45", "two-periods", "workshop-90"' }],
    });
    const minutes = await post({ scenario: "cyber-code", minutes: { debrief: 0 } });
    expect(minutes.status).toBe(400);
    expect(((await minutes.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("minutes.debrief");
    const phase = await post({ scenario: "cyber-code", minutes: { lunch: 5 } });
    expect(phase.status).toBe(400);
  });

  it("a session hosted without a preset keeps the scenario's own plan", async () => {
    const { code, hostKey } = await createSession(server, { scenario: "cyber-code" });
    const host = await join(code, { hostKey }, "host plain");
    expect(host.view!.scenario.phases.map((p) => p.minutes)).toEqual([5, 8, 25, 8, 5, 15]);
    expect(host.view!.lesson).toMatchObject({ preset: null });
  });
});

describe("adjourning between two periods", () => {
  it("keeps a dropped student's seat past the hold and resumes the paused timer", async () => {
    const { code, hostKey } = await createSession(server, { scenario: "cyber-code", preset: "two-periods" });
    const host = await join(code, { hostKey }, "host");
    const ana = await join(code, { name: "Ana", delegation: "china" }, "ana");
    const ben = await join(code, { name: "Ben", delegation: "russia" }, "ben");
    await host.ok({ type: "phase.next" });
    await host.ok({ type: "session.adjourn", adjourned: true });
    expect(host.view!.timer.state).toBe("paused");
    expect(host.view!.lesson?.adjourned).toBe(true);
    const token = ana.welcome.seatToken!;
    ana.room.connection.close(4001, "the bell rang");
    await new Promise((r) => setTimeout(r, HOLD_MS * 3));
    expect(host.view!.seats.find((s) => s.name === "Ana")).toMatchObject({ connected: false });
    const back = await join(code, { seatToken: token }, "ana next week");
    expect(back.welcome).toMatchObject({ seat: ana.seat, delegation: "china" });
    await host.ok({ type: "session.adjourn", adjourned: false });
    expect(host.view!.timer.state).toBe("running");
    const again = await host.refused({ type: "session.adjourn", adjourned: false });
    expect(again.code).toBe("ALREADY_DONE");
    // Without adjourning, a seat left empty past the hold is given up as before.
    ben.room.connection.close(4001, "gone");
    await until(() => !host.view!.seats.some((s) => s.name === "Ben"), "Ben's seat to be given up", HOLD_MS * 6);
  });

  it("only the host can adjourn", async () => {
    const { code } = await createSession(server, { scenario: "cyber-code" });
    const kim = await join(code, { name: "Kim" }, "kim");
    expect((await kim.refused({ type: "session.adjourn", adjourned: true })).code).toBe("NOT_HOST");
  });
});

describe("the name filter", () => {
  it("refuses a name with a listed word in any language the list covers, and seats none of them", async () => {
    const { code, hostKey } = await createSession(server, { scenario: "cyber-code" });
    const host = await join(code, { hostKey }, "host");
    for (const name of ["Big Shit", "S.h.i.t", "merde", "Scheiße", "сука"]) {
      await expect(Player.join(server, code, { name }, name)).rejects.toThrow(
        /^NAME_NOT_ALLOWED: That name can't be used here/,
      );
    }
    // A given name that is also an English listed word is asked for a family name, not called rude.
    await expect(Player.join(server, code, { name: "Dick" }, "Dick")).rejects.toThrow(
      /add your family name or an initial/,
    );
    // Whole words only: real names that merely contain a listed word are welcome, and numbers alone are no insult;
    // real given names that some language's list holds are welcome too.
    const fine = ["Cassandra", "Scunthorpe", "Анна", "Ana L.", "Student 5", "Claire", "Dick Smith"];
    for (const name of fine) await join(code, { name }, name);
    await until(() => host.view!.seats.filter((s) => s.role === "delegate").length === fine.length, "seven seats");
    expect(host.view!.seats.filter((s) => s.role === "delegate").map((s) => s.name)).toEqual(fine);
  });
});

describe("the host renames a seat", () => {
  it("renames a delegate, is refused for a taken name, and no student can rename", async () => {
    const { code, hostKey } = await createSession(server, { scenario: "cyber-code" });
    const host = await join(code, { hostKey }, "host");
    const rude = await join(code, { name: "Bad Name", delegation: "china" }, "rude");
    await join(code, { name: "Lee", delegation: "japan" }, "lee");
    await host.ok({ type: "seat.rename", seat: rude.seat, name: "Delegate 1" });
    await until(() => rude.view!.seats.find((s) => s.id === rude.seat)?.name === "Delegate 1", "the new name");
    expect((await host.refused({ type: "seat.rename", seat: rude.seat, name: "lee" })).code).toBe("NAME_TAKEN");
    expect((await host.refused({ type: "seat.rename", seat: rude.seat, name: "Teacher" })).code).toBe(
      "NAME_NOT_ALLOWED",
    );
    expect((await host.refused({ type: "seat.rename", seat: rude.seat, name: "<b>" })).code).toBe("BAD_MESSAGE");
    expect((await rude.refused({ type: "seat.rename", seat: rude.seat, name: "Boss" })).code).toBe("NOT_HOST");
    expect(rude.view!.seats.find((s) => s.id === rude.seat)?.name).toBe("Delegate 1");
  });
});
