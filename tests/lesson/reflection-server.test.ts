// Reflection over real sockets: a student's answers come back to that seat
// alone (never to a teammate, another delegation or the projector, with or
// without a name), the host sees every answer with its name, the projector
// sees the texts only once the host shows them, and the exports carry them.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../durability/csv-parse.ts";
import { escapeMarkdownLine } from "../../server/exports/escape.ts";
import { createSession, type Player, serverForFile, until } from "../server/harness.ts";

const file = serverForFile();

const ANA_ANSWER = "Hospitals were easy because nobody loses by protecting them.";
const ANA_EDITED = "Hospitals were easy: protecting them costs nobody anything.";
const KIM_ANSWER = "Japan's pact with Britain drew it away from the code.";

describe("reflection at the debrief, over the wire", () => {
  it("keeps each answer to its writer and the host, and shows the texts alone on the projector when the host says", async () => {
    const { code, hostKey } = await createSession(file.server, { scenario: "cyber-code" });
    const join = (options: Parameters<typeof Player.join>[2], label: string) => file.seat(code, options, label);
    const host = await join({ hostKey }, "host");
    const ana = await join({ name: "Ana", delegation: "china" }, "ana");
    const ben = await join({ name: "Ben", delegation: "china" }, "ben");
    const kim = await join({ name: "Kim", delegation: "japan" }, "kim");
    const projector = await join({ observer: true }, "projector");

    expect((await ana.refused({ type: "reflection.answer", question: 0, text: "Too early" })).code).toBe("WRONG_PHASE");
    for (let i = 0; i < 5; i++) await host.ok({ type: "phase.next" });
    await until(() => ana.view?.phase === "debrief", "the debrief on Ana's screen");

    const from = ana.received.length;
    await ana.ok({ type: "reflection.answer", question: 0, text: ANA_ANSWER });
    expect((await ana.next("reflection", from)).answers).toEqual([ANA_ANSWER, null, null, null, null, null, null]);
    await ana.ok({ type: "reflection.answer", question: 0, text: ANA_EDITED });
    await kim.ok({ type: "reflection.answer", question: 1, text: KIM_ANSWER });
    const refusal = await ana.refused({ type: "reflection.answer", question: 7, text: "An eighth?" });
    expect(refusal.code).toBe("UNKNOWN_QUESTION");
    expect((await host.refused({ type: "reflection.answer", question: 0, text: "Me too" })).code).toBe("NOT_DELEGATE");

    // The host sees every answer with its name.
    await until(() => host.view?.reflections?.length === 2, "both answers on the host's screen");
    const byName = Object.fromEntries(
      host.view!.reflections!.map((r) => [host.view!.seats.find((s) => s.id === r.seat)!.name, r.text]),
    );
    expect(byName).toEqual({ Ana: ANA_EDITED, Kim: KIM_ANSWER });

    // Nobody else has received either answer, in any message: not Ana's teammate, not Japan's, not the projector.
    for (const p of [ben, projector]) {
      expect(p.transcript()).not.toContain("Hospitals were easy");
      expect(p.transcript()).not.toContain(KIM_ANSWER);
    }
    expect(kim.transcript()).not.toContain("Hospitals were easy");

    // Shown: the projector and the students get the texts alone, with no name or seat beside them.
    const marks = Object.fromEntries([ben, projector, kim].map((p) => [p.label, p.received.length]));
    await host.ok({ type: "reflection.show", shown: true });
    await until(() => projector.view?.shownReflections !== undefined, "the answers on the projector");
    expect(projector.view!.shownReflections!.slice(0, 2)).toEqual([
      { question: 0, answers: [ANA_EDITED] },
      { question: 1, answers: [KIM_ANSWER] },
    ]);
    await until(() => ben.view?.shownReflections !== undefined, "the answers on Ben's phone");
    for (const p of [ben, projector, kim]) {
      const after = p.received.slice(marks[p.label]);
      const carrying = after.filter((m) => JSON.stringify(m).includes("Hospitals were easy"));
      expect(carrying.length, p.label).toBeGreaterThan(0);
      for (const m of carrying) {
        const text = JSON.stringify(m);
        expect(text, p.label).not.toContain("Ana");
        expect(text, p.label).not.toContain(ana.seat);
      }
      // The first answer Ana saved was never sent to anyone but her.
      expect(p.transcript()).not.toContain(ANA_ANSWER);
    }

    // Ana on a new device (her rejoin code) gets her own answers back.
    const again = await join({ rejoinCode: ana.welcome.rejoinCode! }, "ana-again");
    const mine = await again.next("reflection", 0);
    expect(mine.answers[0]).toBe(ANA_EDITED);

    // The exports carry the answers with names: the students CSV, one column per question, and the report.
    const csv = parseCsv(
      await (await fetch(`${file.server.url}/api/sessions/${code}/export.csv?table=students&key=${hostKey}`)).text(),
    );
    const header = csv[0]!;
    expect(header.slice(-7)).toEqual(Array.from({ length: 7 }, (_q, i) => `reflection ${i + 1}`));
    const row = (name: string) => csv.find((r) => r[0] === name)!;
    expect(row("Ana")[header.indexOf("reflection 1")]).toBe(ANA_EDITED);
    expect(row("Kim")[header.indexOf("reflection 2")]).toBe(KIM_ANSWER);
    expect(row("Ben")[header.indexOf("reflection 1")]).toBe("");
    const report = await (await fetch(`${file.server.url}/api/sessions/${code}/export.html?key=${hostKey}`)).text();
    expect(report).toContain("<h2>Reflections</h2>");
    const markdown = await (await fetch(`${file.server.url}/api/sessions/${code}/export.md?key=${hostKey}`)).text();
    expect(markdown).toContain("## Reflections");
    expect(markdown).toContain(`| Ana | China | ${escapeMarkdownLine(ANA_EDITED)} |`);
    expect(report).toMatch(
      /<th scope="row">Ana<br><span class="muted">China<\/span><\/th><td>Hospitals were easy: protecting/,
    );
  });
});
