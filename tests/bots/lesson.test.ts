// Five computer delegations and no student, through a real server on
// 127.0.0.1: the computer chairs, the delegations negotiate by their briefs
// at a test's pace, and the class's code is signed. The projector (an
// observer, like any student's screen) watches it all happen on the floor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { Player, createSession, startServer, until } from "../server/harness.ts";
import { applyPatch } from "../../shared/patch.ts";
import { signatureCounts } from "../../shared/rules/index.ts";
import type { ServerMessage } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";
import { defaultScenario } from "../../content/load.ts";

let server: AccordServer;
/** Every message each computer seat received, as its client would have. */
const received = new Map<string, ServerMessage[]>();
beforeAll(async () => {
  server = await startServer({
    botPace: 0.002,
    botTap: (seat, message) => {
      const list = received.get(seat) ?? [];
      list.push(message);
      received.set(seat, list);
    },
  });
});
afterAll(async () => {
  await server.close();
});

describe("a lesson of computer delegations", () => {
  it("reaches the debrief with the code signed by every delegation, each move explained on the floor", async () => {
    const all = ["china", "russia", "united-states", "united-kingdom", "japan"];
    const { code, hostKey } = await createSession(server, { computer: all, difficulty: "firm", chair: true });
    const projector = await Player.join(server, code, { observer: true }, "projector");
    await until(() => projector.view?.phase === "debrief", "the debrief", 60_000);

    const view = projector.view!;
    const seats = view.seats.filter((s) => s.role === "delegate");
    expect(seats.map((s) => s.name).sort()).toEqual(
      ["China", "Japan", "Russia", "United Kingdom", "United States"].map((n) => `${n} (computer)`).sort(),
    );
    expect(seats.every((s) => s.computer === "firm")).toBe(true);

    const state = (await server.sessions.state(code))!;
    const codeSigners = state.signatures.filter((s) => s.instrument === "code" && signatureCounts(state, s));
    expect(new Set(codeSigners.map((s) => s.delegation))).toEqual(new Set(all));
    expect(view.debrief?.scores.every((s) => s.signed.includes("code"))).toBe(true);

    const floorOf = () =>
      projector.view!.channels.find((c) => c.id === "floor")!.messages.map((m) => `${m.name}: ${m.text}`);
    // The last explanation follows its signature by a moment.
    await until(() => floorOf().some((l) => l.startsWith("Japan (computer): Japan signs")), "Japan's last word").catch(
      (e: Error) => {
        throw new Error(`${e.message}; the floor ends: ${floorOf().slice(-8).join(" | ")}`);
      },
    );
    const floor = floorOf();
    expect(floor).toContain(
      "Japan (computer): Japan signs “International Code of Conduct for Cyberspace”: it gains more than its alternative and crosses none of its red lines.",
    );
    expect(
      floor.some((l) => /^United States \(computer\): United States objects to .*red line on content control/.test(l)),
    ).toBe(true);
    // The exports name the computer delegations as such, in the roster and under the signatures.
    const exported = (await (
      await fetch(`${server.url}/api/sessions/${code}/export.json?key=${encodeURIComponent(hostKey)}`)
    ).json()) as { state: { seats: { name: string; delegation: string | null; computer?: string }[] } };
    expect(exported.state.seats.filter((s) => s.delegation === "japan")).toEqual([
      expect.objectContaining({ name: "Japan (computer)", computer: "firm" }),
    ]);
    const markdown = await (
      await fetch(`${server.url}/api/sessions/${code}/export.md?key=${encodeURIComponent(hostKey)}`)
    ).text();
    expect(markdown).toMatch(/Delegates: Russia \\?\(computer\\?\) \(head\)/);
    await projector.leave();
  }, 90_000);

  it("never gave a computer delegation another delegation's brief or private talk before the debrief", () => {
    const scenario = defaultScenario();
    expect(received.size).toBe(5);
    for (const [, messages] of received) {
      let view: SessionView | null = null;
      let checked = 0;
      for (const m of messages) {
        if (m.type === "view") view = m.view as SessionView;
        else if (m.type === "patch" && view) view = applyPatch(view, m.ops);
        else if (m.type !== "event") continue;
        if (!view || view.phase === "debrief") continue;
        const own = view.audience.kind === "delegation" ? view.audience.delegation : null;
        expect(own).not.toBeNull();
        const text = JSON.stringify(m.type === "event" ? m : view);
        for (const other of scenario.delegations.filter((d) => d.id !== own)) {
          expect(text).not.toContain(other.brief.instructions);
          expect(text).not.toContain(other.brief.success);
        }
        for (const c of view.channels) expect(c.members === null || c.members.includes(own!)).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
    }
  });
});
