// Jobs within a delegation over real sockets: handed out as students join,
// changed by the head from a student's connection, refused in words for a
// student who is not head, carried into the students export.
import { describe, expect, it } from "vitest";
import { dutyOf } from "../../shared/jobs.ts";
import { parseCsv } from "../durability/csv-parse.ts";
import { createSession, type Player, serverForFile, until } from "./harness.ts";

const file = serverForFile();

describe("jobs in a delegation, through the room", () => {
  it("the head changes a teammate's job; the teammate's view and the export follow; others are refused", async () => {
    const { code, hostKey } = await createSession(file.server, { scenario: "cyber-code" });
    const join = (options: Parameters<typeof Player.join>[2], label: string) => file.seat(code, options, label);
    const ana = await join({ name: "Ana", delegation: "japan" }, "ana");
    const ben = await join({ name: "Ben", delegation: "japan" }, "ben");
    const cai = await join({ name: "Cai", delegation: "japan" }, "cai");
    const ivan = await join({ name: "Ivan", delegation: "russia" }, "ivan");
    await until(() => ben.view!.seats.filter((s) => s.delegation === "japan").length === 3, "three in Japan");
    expect([ana, ben, cai].map((p) => dutyOf(ben.view!, p.seat))).toEqual(["head", "spokesperson", "drafter"]);

    await ana.ok({ type: "seat.job", seat: ben.seat, job: "liaison" });
    await until(() => dutyOf(ben.view!, ben.seat) === "liaison", "Ben's view says liaison");
    expect(ben.received.some((m) => m.type === "event" && m.event.text === "Ana made Ben Japan's liaison.")).toBe(true);

    // Russia is not told: a job is the delegation's own business.
    await ivan.ok({ type: "say", channel: "team-russia", text: "Russia is here." });
    expect(ivan.received.some((m) => m.type === "event" && m.event.type === "seat.job")).toBe(false);
    const notHead = await ben.refused({ type: "seat.job", seat: cai.seat, job: "analyst" });
    expect(notHead).toMatchObject({ code: "NOT_HEAD_OF_DELEGATION", action: "seat.job" });
    const elsewhere = await ana.refused({ type: "seat.job", seat: ivan.seat, job: "analyst" });
    expect(elsewhere.code).toBe("NOT_YOUR_DELEGATION");
    expect((await ana.refused({ type: "seat.job", seat: cai.seat, job: "chef" })).code).toBe("UNKNOWN_JOB");
    expect(dutyOf(cai.view!, cai.seat)).toBe("drafter");

    const res = await fetch(`${file.server.url}/api/sessions/${code}/export.csv?table=students&key=${hostKey}`);
    const [header, ...rows] = parseCsv(await res.text());
    const role = header!.indexOf("role");
    expect(rows.map((r) => `${r[0]}:${r[role]}`)).toEqual(["Ana:head", "Ben:liaison", "Cai:drafter", "Ivan:head"]);
  });
});
