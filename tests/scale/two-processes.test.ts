// Several processes behind one Redis: two Accord servers, each with its own
// port, data folder and public address. A session lives on the process that
// created it; the host joins there and the delegates come in through the
// other process, and a whole short session runs to the debrief with every
// client seeing every accepted action. The other process answers the
// session's public facts from the shared listing and sends its other routes
// to the owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crash, startRedis, startServer, stopAll, type ServerProcess } from "./processes.ts";
import { joinAt, waitFor, type Seat } from "./seat.ts";
import type { SessionView } from "../../shared/view.ts";

let a: ServerProcess;
let b: ServerProcess;
let redis: string;

beforeAll(async () => {
  redis = await startRedis();
  [a, b] = await Promise.all([startServer(redis), startServer(redis)]);
}, 120_000);

afterAll(async () => {
  await stopAll();
}, 60_000);

async function createSession(on: ServerProcess): Promise<{ code: string; hostKey: string }> {
  const res = await fetch(`${on.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; hostKey: string };
}

async function facts(on: ServerProcess, code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${on.url}/api/sessions/${code}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Waits until every client's view satisfies `check`. */
const everyoneSees = (seats: Seat[], what: string, check: (v: SessionView) => boolean) =>
  waitFor(() => seats.every((s) => s.view !== null && check(s.view)), `every client to see ${what}`);

describe("two server processes sharing Redis", () => {
  it("plays a whole session with the host on one process and the delegates through the other", async () => {
    const { code, hostKey } = await createSession(a);

    // The process that does not hold the session still knows it, from the shared listing.
    const early = await facts(b, code);
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ code, phase: "briefing", joinable: true });

    const host = await joinAt(a.url, code, { hostKey }, "host");
    const chinaHead = await joinAt(b.url, code, { name: "Mei", delegation: "china" }, "Mei");
    const china2 = await joinAt(b.url, code, { name: "Li", delegation: "china" }, "Li");
    const usHead = await joinAt(b.url, code, { name: "Sam", delegation: "united-states" }, "Sam");
    const us2 = await joinAt(b.url, code, { name: "Alex", delegation: "united-states" }, "Alex");
    const all = [host, chinaHead, china2, usHead, us2];
    expect(host.welcome?.role).toBe("host");
    expect(chinaHead.welcome?.delegation).toBe("china");
    await everyoneSees(all, "five seats", (v) => v.seats.filter((s) => s.role === "delegate").length === 4);

    // The seat counts reach the other process's answer too.
    let seated: unknown;
    for (let i = 0; i < 50 && seated === undefined; i++) {
      const f = await facts(b, code);
      const china = (f.body.delegations as { id: string; seated: number }[]).find((d) => d.id === "china");
      if (china?.seated === 2) seated = china.seated;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(seated).toBe(2);

    await host.ok({ type: "phase.next" });
    await everyoneSees(all, "Opening statements", (v) => v.phase === "opening");
    await chinaHead.ok({ type: "say", channel: "floor", text: "China opens: sovereignty first." });
    await everyoneSees(all, "China's opening line", (v) =>
      v.channels.find((c) => c.id === "floor")!.messages.some((m) => m.text === "China opens: sovereignty first."),
    );

    await host.ok({ type: "phase.next" });
    await everyoneSees(all, "Negotiation", (v) => v.phase === "negotiation");
    const card = host.view!.scenario.cards[0]!.id;
    await chinaHead.ok({ type: "provision.table", instrument: "code", card });
    await everyoneSees(all, "the tabled provision", (v) => v.provisions.some((p) => p.card === card));
    const provision = host.view!.provisions.find((p) => p.card === card)!.id;

    await usHead.ok({ type: "stance.set", provision, stance: "support" });
    await everyoneSees(
      all,
      "the United States' support",
      (v) => v.provisions.find((p) => p.id === provision)?.stances["united-states"] === "support",
    );

    await us2.ok({
      type: "amendment.propose",
      provision,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "Jointly," },
    });
    await everyoneSees(all, "the amendment", (v) => v.amendments.some((x) => x.provision === provision));
    const amendment = host.view!.amendments.find((x) => x.provision === provision)!.id;
    await china2.ok({ type: "amendment.vote", amendment, vote: "yes" });
    await everyoneSees(all, "the amended text", (v) => {
      const p = v.provisions.find((x) => x.id === provision);
      return p?.versions.length === 2 && p.versions[1]!.text.startsWith("Jointly,");
    });

    await us2.ok({ type: "say", channel: "team-united-states", text: "Hold firm on open networks." });
    await waitFor(
      () =>
        [host, usHead].every((s) =>
          s
            .view!.channels.find((c) => c.id === "team-united-states")
            ?.messages.some((m) => m.text === "Hold firm on open networks."),
        ),
      "the US team and the host to see the team line",
    );
    // A team channel stays within the team, across processes too.
    for (const s of [chinaHead, china2]) expect(JSON.stringify(s.view)).not.toContain("Hold firm on open networks.");

    await host.ok({ type: "phase.next" });
    await host.ok({ type: "instrument.freeze", instrument: "code" });
    await everyoneSees(all, "the frozen code", (v) => v.instruments.find((i) => i.id === "code")?.frozen !== null);
    await host.ok({ type: "phase.next" });
    await everyoneSees(all, "Signing", (v) => v.phase === "signing");
    const version = host.view!.instruments.find((i) => i.id === "code")!.frozen!.version;
    await chinaHead.ok({ type: "sign", instrument: "code", version });
    await usHead.ok({ type: "sign", instrument: "code", version });
    await everyoneSees(all, "both signatures", (v) => v.signatures.filter((s) => s.version === version).length === 2);

    await host.ok({ type: "phase.next" });
    await everyoneSees(all, "the debrief", (v) => v.phase === "debrief" && v.revealed);
    for (const s of all) expect(s.received.filter((m) => m.type === "error")).toEqual([]);

    // The other process knows the new phase, and sends what only the owner can answer (exports) to it.
    let phase: unknown;
    for (let i = 0; i < 50 && phase !== "debrief"; i++) {
      phase = (await facts(b, code)).body.phase;
      if (phase !== "debrief") await new Promise((r) => setTimeout(r, 100));
    }
    expect(phase).toBe("debrief");
    const moved = await fetch(`${b.url}/api/sessions/${code}/export.json`, {
      redirect: "manual",
      headers: { authorization: `Bearer ${hostKey}` },
    });
    expect(moved.status).toBe(307);
    expect(moved.headers.get("location")).toBe(`http://${a.publicAddress}/api/sessions/${code}/export.json`);
    const exported = await fetch(moved.headers.get("location")!, { headers: { authorization: `Bearer ${hostKey}` } });
    expect(exported.status).toBe(200);
    expect(JSON.stringify(await exported.json())).toContain("Jointly,");

    await Promise.all(all.map((s) => s.leave()));
  }, 90_000);

  it("reaches a session created on the second process from the first", async () => {
    const { code, hostKey } = await createSession(b);
    expect((await facts(a, code)).status).toBe(200);
    const host = await joinAt(a.url, code, { hostKey }, "host");
    const delegate = await joinAt(a.url, code, { name: "Kenji", delegation: "japan" }, "Kenji");
    await host.ok({ type: "announce", text: "Welcome, Japan." });
    await waitFor(
      () =>
        delegate
          .view!.channels.find((c) => c.id === "announcements")!
          .messages.some((m) => m.text === "Welcome, Japan."),
      "the announcement",
    );
    // An unknown code is unknown on every process.
    expect((await facts(a, "XXXXXX")).status).toBe(404);
    await Promise.all([host.leave(), delegate.leave()]);
  }, 60_000);

  it("brings a session back when its process restarts on the same data after a kill -9", async () => {
    const { code, hostKey } = await createSession(a);
    const host = await joinAt(b.url, code, { hostKey }, "host");
    const delegate = await joinAt(b.url, code, { name: "Olga", delegation: "russia" }, "Olga");
    await host.ok({ type: "phase.next" });
    await delegate.ok({ type: "say", channel: "floor", text: "Russia asks for a UN code." });
    const token = delegate.welcome!.seatToken!;
    await crash(a);

    a = await startServer(redis, { port: a.port, dataDir: a.dataDir });
    // Through the other process, with the same seat token: the same seat, the same words, the same phase.
    const back = await joinAt(b.url, code, { seatToken: token }, "Olga again");
    expect(back.welcome!.seat).toBe(delegate.welcome!.seat);
    expect(back.view!.phase).toBe("opening");
    expect(back.view!.channels.find((c) => c.id === "floor")!.messages.map((m) => m.text)).toContain(
      "Russia asks for a UN code.",
    );
    expect((await facts(b, code)).body).toMatchObject({ code, phase: "opening" });
    await Promise.all([host.leave(), delegate.leave(), back.leave()]);
  }, 90_000);
});
