// No surprise about privacy, checked from the students' own sockets: they are
// told on joining and when a channel opens whether the debrief shows team and
// private lines to the class, and the host's choice at hosting time holds in
// the debrief view, its events and the exports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccordServer } from "../../server/app.ts";
import { createSession, Player, startServer, until } from "../server/harness.ts";

let server: AccordServer;
const opened: Player[] = [];
const SECRET = "We trade hospitals for the data clause";
const TEAM = "Our red line is the data clause";

async function join(code: string, options: Parameters<typeof Player.join>[2], label: string) {
  const p = await Player.join(server, code, options, label);
  opened.push(p);
  return p;
}

/** A class of three where China and Russia talk privately, then the host runs on to the debrief. */
async function playToDebrief(revealChannels: boolean | undefined) {
  const body = revealChannels === undefined ? { scenario: "cyber-code" } : { scenario: "cyber-code", revealChannels };
  const { code, hostKey } = await createSession(server, body);
  const host = await join(code, { hostKey }, "host");
  const ana = await join(code, { name: "Ana", delegation: "china" }, "ana");
  const ben = await join(code, { name: "Ben", delegation: "russia" }, "ben");
  const kim = await join(code, { name: "Kim", delegation: "japan" }, "kim");
  await host.ok({ type: "phase.next" });
  await host.ok({ type: "phase.next" });
  await ana.ok({ type: "say", channel: "team-china", text: TEAM });
  const from = ben.received.length;
  await ana.ok({ type: "channel.open", with: ["russia"] });
  const opening = await ben.next("event", from);
  const channel = ana.view!.channels.find((c) => c.kind === "private")!.id;
  await ana.ok({ type: "say", channel, text: SECRET });
  for (let i = 0; i < 3; i++) await host.ok({ type: "phase.next" });
  await until(() => kim.view?.phase === "debrief" && ana.view?.phase === "debrief", "the debrief on every screen");
  const exported = await (await fetch(`${server.url}/api/sessions/${code}/export.html?key=${hostKey}`)).text();
  const csv = await (await fetch(`${server.url}/api/sessions/${code}/export.csv?key=${hostKey}`)).text();
  return { host, ana, ben, kim, opening, exported: exported + csv };
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

describe("privacy at the debrief", () => {
  it("by default students are told the class will see every line, and at the debrief it does", async () => {
    const { kim, opening, exported } = await playToDebrief(undefined);
    expect(kim.welcome.debriefRevealsChannels).toBe(true);
    expect(kim.welcome.privacy).toContain("At the debrief, every team and private channel is shown to the whole class");
    expect(String(opening.event.text)).toContain("shown to the whole class");
    expect(kim.view!.revealed).toBe(true);
    expect(kim.transcript()).toContain(SECRET);
    expect(kim.transcript()).toContain(TEAM);
    expect(exported).toContain(SECRET);
  });

  it("when the host chose not to reveal them, no other student ever receives those lines, and exports leave them out", async () => {
    const { host, ana, ben, kim, opening, exported } = await playToDebrief(false);
    expect(kim.welcome.debriefRevealsChannels).toBe(false);
    expect(kim.welcome.privacy).toContain("They are not shown to the class at the debrief.");
    expect(String(opening.event.text)).toContain("not shown to the class");
    // Briefs and scores are still revealed; the lines are not.
    expect(kim.view!.revealed).toBe(true);
    expect(kim.view!.scenario.delegations.find((d) => d.id === "china")!.brief).toBeDefined();
    expect(kim.view!.channels.map((c) => c.kind).sort()).toEqual(["announcements", "floor", "team"]);
    expect(kim.transcript()).not.toContain(SECRET);
    expect(kim.transcript()).not.toContain(TEAM);
    expect(ben.transcript()).not.toContain(TEAM);
    // Members keep their own channels; the host reads as the scenario says.
    expect(ana.view!.channels.some((c) => c.messages.some((m) => m.text === SECRET))).toBe(true);
    expect(host.transcript()).toContain(SECRET);
    expect(exported).not.toContain(SECRET);
    expect(exported).not.toContain(TEAM);
    expect(exported).toContain("[kept private]");
  });

  it("a bad setting is refused with its name", async () => {
    const res = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "cyber-code", revealChannels: "no" }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("revealChannels");
  });
});
