// Five computer delegations and no student, through a real server on
// 127.0.0.1: the computer chairs, the delegations negotiate by their briefs
// at a test's pace, and the class's code is signed. The projector (an
// observer, like any student's screen) watches it all happen on the floor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { Player, createSession, startServer, until } from "../server/harness.ts";
import { signatureCounts } from "../../shared/rules/index.ts";

let server: AccordServer;
beforeAll(async () => {
  server = await startServer({ botPace: 0.002 });
});
afterAll(async () => {
  await server.close();
});

describe("a lesson of computer delegations", () => {
  it("reaches the debrief with the code signed by every delegation, each move explained on the floor", async () => {
    const all = ["china", "russia", "united-states", "united-kingdom", "japan"];
    const { code } = await createSession(server, { computer: all, difficulty: "firm", chair: true });
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
    await until(() => floorOf().some((l) => l.startsWith("Japan (computer): Japan signs")), "Japan's last word");
    const floor = floorOf();
    expect(floor).toContain(
      "Japan (computer): Japan signs “International Code of Conduct for Cyberspace”: it gains more than its alternative and crosses none of its red lines.",
    );
    expect(
      floor.some((l) => /^United States \(computer\): United States objects to .*red line on content control/.test(l)),
    ).toBe(true);
    await projector.leave();
  }, 90_000);
});
