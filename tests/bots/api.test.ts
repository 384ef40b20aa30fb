// POST /api/sessions with computer delegations: a list of ids and a
// difficulty, or practice alone (every delegation but the participant's, and
// the computer chair). Bad requests name every problem and create nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { Player, createSession, startServer, until } from "../server/harness.ts";

let server: AccordServer;
beforeAll(async () => {
  // At a person's pace: nothing moves during these tests but the seats.
  server = await startServer({ botPace: 1 });
});
afterAll(async () => {
  await server.close();
});

const post = (body: unknown) =>
  fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("creating a session with computer delegations", () => {
  it("seats the listed delegations, marked, at the difficulty asked", async () => {
    const { code } = await createSession(server, { computer: ["russia", "japan"], difficulty: "cooperative" });
    const projector = await Player.join(server, code, { observer: true });
    await until(() => (projector.view?.seats.length ?? 0) >= 3, "the seats");
    const delegates = projector.view!.seats.filter((s) => s.role === "delegate");
    expect(delegates.map((s) => [s.name, s.computer, s.isHead])).toEqual([
      ["Russia (computer)", "cooperative", true],
      ["Japan (computer)", "cooperative", true],
    ]);
    expect(projector.view!.autoChair).toBeUndefined();
    await projector.leave();
  });

  it("sets up practice alone: the participant's delegation left free, every other one computer, the computer chairing", async () => {
    const { code } = await createSession(server, { scenario: "cyber-code", practise: "china" });
    const student = await Player.join(server, code, { name: "Wei", delegation: "china" });
    await until(() => (student.view?.seats.length ?? 0) >= 6, "the seats");
    const view = student.view!;
    expect(view.autoChair).toBe(true);
    expect(view.seats.filter((s) => s.computer).map((s) => s.delegation)).toEqual([
      "russia",
      "united-states",
      "united-kingdom",
      "japan",
    ]);
    expect(view.seats.find((s) => s.name === "Wei")).toMatchObject({ delegation: "china", isHead: true });
    await student.leave();
  });

  it("refuses unknown delegations and difficulties with every problem named, creating nothing", async () => {
    const before = server.store.list().length;
    const res = await post({ computer: ["japan", "atlantis"], difficulty: "ruthless" });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(errors.map((e) => e.path).sort()).toEqual(["computer.1", "difficulty"]);
    expect(errors.find((e) => e.path === "computer.1")?.message).toContain('no delegation has the id "atlantis"');
    const practise = await post({ practise: "narnia" });
    expect(practise.status).toBe(400);
    expect(server.store.list().length).toBe(before);
  });
});
