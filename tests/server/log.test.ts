// The server's log says what happened to which session, in structured
// entries, and never holds a person's data: no names, chat, seat tokens,
// rejoin codes or host keys, even through a whole join-and-talk round.
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { miniInput } from "../fixtures/mini-scenario.ts";
import { createSession, Player, startServer } from "./harness.ts";

const lines: string[] = [];
const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
let server: AccordServer;
const players: Player[] = [];

afterAll(async () => {
  for (const p of players) await p.leave();
  await server?.close();
});

describe("the server's log", () => {
  it("records a session's life by its code, and none of what people typed or were given", async () => {
    server = await startServer({ log });
    const created = await createSession(server, miniInput());
    const host = await Player.join(server, created.code, { hostKey: created.hostKey }, "host");
    const wei = await Player.join(server, created.code, { name: "Weiqing Zhao", delegation: "china" }, "wei");
    players.push(host, wei);
    await host.ok({ type: "phase.next" });
    await wei.ok({ type: "say", channel: "floor", text: "Our secret fallback is clause nine." });
    const del = await fetch(`${server.url}/api/sessions/${created.code}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${created.hostKey}` },
    });
    expect(del.status).toBeLessThan(300);
    await host.until(() => lines.some((l) => l.includes("session deleted")), "the deletion in the log");

    const entries = lines.map((l) => JSON.parse(l) as { msg: string; session?: string; level: number });
    expect(entries.filter((e) => e.session === created.code).map((e) => e.msg)).toEqual(
      expect.arrayContaining(["session created", "session deleted"]),
    );
    const all = lines.join("\n");
    for (const secret of [
      "Weiqing",
      "secret fallback",
      created.hostKey,
      wei.welcome.seatToken!,
      wei.welcome.rejoinCode!,
    ])
      expect(all).not.toContain(secret);
  });
});
