// A record to grade from: export.csv?table=students has one row per student
// with what each one said, tabled, amended, voted and signed, and how many
// of their words are still in adopted text. Played over real sockets.
import { describe, expect, it } from "vitest";
import { words } from "../../shared/rules/words.ts";
import { parseCsv } from "../durability/csv-parse.ts";
import { createSession, type Player, serverForFile, until } from "../server/harness.ts";

const file = serverForFile();

describe("export.csv?table=students", () => {
  it("gives one row per student with lines, provisions, amendments, surviving words, votes and signatures", async () => {
    const { code, hostKey } = await createSession(file.server, { scenario: "cyber-code" });
    const join = (options: Parameters<typeof Player.join>[2], label: string) => file.seat(code, options, label);
    const host = await join({ hostKey }, "host");
    const ana = await join({ name: "Ana", delegation: "china" }, "ana");
    const ben = await join({ name: "Ben", delegation: "china" }, "ben");
    const kim = await join({ name: "Kim", delegation: "japan" }, "kim");
    await host.ok({ type: "phase.next" });
    await ana.ok({ type: "say", channel: "floor", text: "China opens." });
    await host.ok({ type: "phase.next" });
    await ana.ok({ type: "say", channel: "floor", text: "We table the hospitals." });
    await ana.ok({ type: "say", channel: "team-china", text: "Ben, watch Japan." });
    await ben.ok({ type: "say", channel: "team-china", text: "On it." });
    await ana.ok({ type: "provision.table", instrument: "code", card: "protected-schools-hospitals" });
    await until(() => ben.view!.provisions.length === 1, "the provision on Ben's screen");
    const provision = ben.view!.provisions[0]!;
    await ben.ok({
      type: "amendment.propose",
      provision: provision.id,
      baseVersion: 1,
      edit: { kind: "insert", at: 0, text: "Always" },
    });
    await until(() => kim.view!.amendments.length === 1, "the amendment on Kim's screen");
    await kim.ok({ type: "amendment.vote", amendment: kim.view!.amendments[0]!.id, vote: "yes" });
    await until(() => ben.view!.amendments[0]!.status === "adopted", "the amendment adopted");
    await host.ok({ type: "phase.next" });
    await host.ok({ type: "instrument.freeze", instrument: "code" });
    await host.ok({ type: "phase.next" });
    await until(() => ana.view!.instruments[0]!.frozen !== null, "the frozen text");
    await ana.ok({ type: "sign", instrument: "code", version: ana.view!.instruments[0]!.frozen!.version });

    const res = await fetch(`${file.server.url}/api/sessions/${code}/export.csv?table=students&key=${hostKey}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`accord-${code}-students.csv`);
    const [header, ...rows] = parseCsv(await res.text());
    const row = (name: string) => Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === name)![i]]));
    expect(rows.map((r) => r[0])).toEqual(["Ana", "Ben", "Kim"]);
    const cardWords = words(provision.versions[0]!.text).length;
    expect(row("Ana")).toMatchObject({
      delegation: "China",
      role: "head",
      "lines on the floor": "2",
      "lines in the team channel": "1",
      "lines in private channels": "0",
      "provisions tabled": "1",
      "provisions adopted": "1",
      "amendments proposed": "0",
      "words still in adopted text": String(cardWords),
      signatures: "1",
    });
    expect(row("Ben")).toMatchObject({
      role: "spokesperson",
      "lines in the team channel": "1",
      "amendments proposed": "1",
      "amendments adopted": "1",
      "words still in adopted text": "1",
      signatures: "0",
    });
    expect(row("Kim")).toMatchObject({ delegation: "Japan", role: "head", "votes cast": "1" });

    // The printable report has the same figures, one row per student.
    const html = await (await fetch(`${file.server.url}/api/sessions/${code}/export.html?key=${hostKey}`)).text();
    expect(html).toContain("<h2>Students</h2>");
    expect(html).toContain(
      `<tr><td>Ana</td><td>China</td><td>head</td><td>2 / 1 / 0</td><td>1 (1)</td><td>0 (0)</td><td>${cardWords}</td><td>0</td><td>1</td></tr>`,
    );
  });
});
