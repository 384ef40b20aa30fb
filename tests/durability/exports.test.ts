// The exports, checked for what a teacher would look for (every provision's
// final text, every signature, every score) and for hostile text that must
// come out exact and harmless in each format.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../tools/chromium.ts";
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../../server/store/types.ts";
import { exportCsv, exportHtml, exportJson, exportMarkdown, renderExport } from "../../server/exports/index.ts";
import { escapeMarkdown } from "../../server/exports/escape.ts";
import { csvRecords } from "./csv-parse.ts";
import { debriefEntries, debriefState, FORMULA, NASTY } from "./fixtures.ts";
import { rulesBuiltDebrief } from "./rules-session.ts";

/** The sessions every check runs on: the hand-built one, and one played through the rules when they exist. */
const sessions: { name: string; build: () => Promise<{ state: SessionState; entries: JournalEntry[] }> }[] = [
  { name: "hand-built", build: async () => ({ state: debriefState(), entries: debriefEntries() }) },
  { name: "played through the rules", build: rulesBuiltDebrief },
];

/** Undoes escapeMarkdown the way a CommonMark renderer reads it; throws on any markup left active. */
function readMarkdownLiterally(md: string): string {
  const unescaped = md
    .split("\n\n")
    .map((para) => para.replace(/\\\n/g, "\u0000"))
    .join("\n\n");
  // eslint-disable-next-line no-control-regex -- NUL stands in for an escaped line break
  const active = unescaped.replace(/\\[!-/:-@[-`{-~]|&#32;|&#9;|\u0000/g, "");
  const stray = active.match(/[!-/:-@[-`{-~]/);
  if (stray) throw new Error(`unescaped ${JSON.stringify(stray[0])} would be read as markup`);
  return (
    unescaped
      .replace(/\\([!-/:-@[-`{-~])/g, "$1")
      .replace(/&#32;/g, " ")
      .replace(/&#9;/g, "\t")
      // eslint-disable-next-line no-control-regex -- NUL stands in for an escaped line break
      .replace(/\u0000/g, "\n")
  );
}

describe.each(sessions)("exports of a session $name", ({ build }) => {
  let state: SessionState;
  let entries: JournalEntry[];
  beforeAll(async () => {
    ({ state, entries } = await build());
  });

  const finalTexts = () => state.provisions.map((p) => p.versions.at(-1)!.text);

  it("the HTML report holds every provision's final text, every signature with its version, every score and the questions", () => {
    const html = exportHtml(state, entries);
    // Text as the browser shows it (tags dropped, entities decoded) for plain text checks.
    const shown = html.replace(/<[^>]*>/g, "").replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    for (const text of finalTexts()) expect(shown).toContain(text);
    for (const s of state.signatures) {
      expect(shown).toContain(s.name);
      expect(shown).toContain(s.version);
    }
    for (const s of state.debrief!.scores) expect(shown).toMatch(new RegExp(`Score: ${s.score}\\b`));
    for (const d of state.scenario.delegations) expect(shown).toContain(d.brief.success);
    for (const q of state.scenario.questions) expect(shown).toContain(q);
    for (const seat of state.seats.filter((x) => x.role === "delegate")) expect(shown).toContain(seat.name);
    expect(shown).toContain(`Global commons: ${state.debrief!.commons}`);
    expect(html).toContain("@media print");
    // Self-contained: nothing is fetched from anywhere; its one link is the icon, inline.
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(html.match(/<link\b[^>]*>/gi)).toEqual([
      expect.stringMatching(/^<link rel="icon" [^>]*href="data:image\/svg\+xml,/),
    ]);
    expect(html.replace(/<link rel="icon"[^>]*>/, "")).not.toMatch(/\b(src|href)=|url\(|@import/i);
  });

  it("says each delegation's result against its own alternative in words, with no table ranking delegations", () => {
    const state = debriefState();
    const entries = debriefEntries();
    const html = renderExport("html", state, entries).body;
    const md = renderExport("md", state, entries).body;
    const china = "China beat its alternative by 5 of a possible 7.";
    const usa =
      "United States signed across its red line (sovereignty): it ended 5 below its alternative, at -3 against a walk-away of 2.";
    for (const words of [china, usa]) {
      expect(html).toContain(words);
      expect(md).toContain(escapeMarkdown(words));
    }
    expect(html).not.toContain("<th>Score</th>");
    expect(md).not.toContain("| Delegation | Score |");
    const scores = csvRecords(exportCsv(state, entries, "scores"));
    expect(scores.find((r) => r.delegation === "China")).toMatchObject({
      "walk-away": "2",
      maximum: "9",
      outcome: "above",
    });
  });
  it("the Markdown holds every provision's final text, every signature and every score, and reads back literally", () => {
    const md = exportMarkdown(state, entries);
    for (const text of finalTexts()) expect(md).toContain(escapeMarkdown(text).split("\n").join("\n> "));
    for (const s of state.signatures) {
      expect(md).toContain(escapeMarkdown(s.name));
      expect(md).toContain(s.version);
    }
    for (const s of state.debrief!.scores) expect(md).toContain(`**Score: ${s.score}**`);
  });

  it("the CSV tables hold every provision's final text and stances, every signature and every score", () => {
    const provisions = csvRecords(exportCsv(state, entries, "provisions"));
    expect(provisions.map((r) => r.provision)).toEqual(expect.arrayContaining(state.provisions.map((p) => p.id)));
    for (const p of state.provisions) {
      const row = provisions.find((r) => r.provision === p.id)!;
      const text = p.versions.at(-1)!.text;
      expect(row["final text"]).toBe(/^[=+\-@]/.test(text) ? `'${text}` : text);
      for (const [delegation, stance] of Object.entries(p.stances)) {
        const name = state.scenario.delegations.find((d) => d.id === delegation)!.name;
        expect(row[`stance: ${name}`]).toBe(stance);
      }
    }
    const signatures = csvRecords(exportCsv(state, entries, "signatures"));
    expect(signatures).toHaveLength(state.signatures.length);
    for (const s of state.signatures) {
      expect(signatures).toContainEqual(expect.objectContaining({ version: s.version, counts: "true" }));
    }
    const scores = csvRecords(exportCsv(state, entries, "scores"));
    for (const s of state.debrief!.scores) {
      const name = state.scenario.delegations.find((d) => d.id === s.delegation)!.name;
      expect(scores.find((r) => r.delegation === name)?.score).toBe(String(s.score));
    }
    const actions = csvRecords(exportCsv(state, entries));
    expect(actions.map((a) => Number(a.seq))).toEqual(entries.map((e) => e.seq));
    expect(actions.map((a) => a.type)).toEqual(entries.map((e) => e.command.type));
  });

  it("the JSON is the whole state and journal, exact, without seat tokens, token hashes or rejoin codes", () => {
    const json = exportJson(state, entries);
    const parsed = JSON.parse(json) as { state: SessionState; journal: JournalEntry[] };
    expect(parsed.state.provisions).toEqual(state.provisions);
    expect(parsed.state.signatures).toEqual(state.signatures);
    expect(parsed.state.debrief).toEqual(state.debrief);
    expect(parsed.journal.map((e) => e.command)).toEqual(entries.map((e) => e.command));
    expect(parsed.state.seats.map((s) => s.name)).toEqual(state.seats.map((s) => s.name));
    for (const seat of state.seats) {
      expect(json).not.toContain(seat.token);
      expect(json).not.toContain(`"${seat.rejoinCode}"`);
    }
    for (const e of entries) {
      if (e.ctx.fresh) {
        expect(json).not.toContain(e.ctx.fresh.tokenHash);
        expect(json).not.toContain(`"${e.ctx.fresh.rejoinCode}"`);
      }
    }
  });
});

describe("hostile text in every format", () => {
  const state = debriefState();
  const entries = debriefEntries();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("HTML: a browser shows the text exactly and runs nothing", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => requests.push(r.url()));
    await page.setContent(exportHtml(state, entries), { waitUntil: "load" });
    const texts = await page.locator(".text").allTextContents();
    expect(texts).toContain(NASTY);
    expect(texts).toContain(FORMULA);
    expect(await page.locator("body").textContent()).toContain("Mei <b>");
    expect(await page.locator("script, b, i").count()).toBe(0);
    expect(await page.title()).toBe("A test code of conduct — session ACDEFG");
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
    await page.close();
  });

  it("Markdown: every metacharacter is escaped, and the text reads back exactly", () => {
    const md = exportMarkdown(state, entries);
    expect(md).not.toContain("<script>");
    const start = md.indexOf("> No \\<script");
    expect(start).toBeGreaterThan(0);
    const nasty = md
      .slice(start)
      .split("\n")
      .slice(0, 2)
      .map((l) => l.slice(2))
      .join("\n");
    expect(nasty).toBe(
      'No \\<script\\>alert\\(1\\)\\<\\/script\\> \\| \\* \\_ \\# \\[x\\]\\(y\\) \\` \\"a\\,b\\"\\\n\\=cmd',
    );
    expect(readMarkdownLiterally(nasty)).toBe(NASTY);
    // Names and titles in headings and table cells are escaped too.
    expect(md).toContain("#### Hostile \\*markup\\* (adopted)");
    expect(md).toContain("| Mei \\<b\\> |");
    expect(md).toContain("| Sam \\=1\\+1 |");
  });

  it("Markdown: leading spaces and blank lines cannot make code blocks or lose the text", () => {
    const text = "    indented\n\n# not a heading\n- not a list\n1. not a list";
    expect(readMarkdownLiterally(escapeMarkdown(text))).toBe(text.replace("\n\n", "\n\n"));
    expect(escapeMarkdown(text)).toBe(
      "&#32;&#32;&#32;&#32;indented\n\n\\# not a heading\\\n\\- not a list\\\n1\\. not a list",
    );
  });

  it("CSV: RFC 4180 quoting keeps commas, quotes and newlines in their cell; formulas are defused", () => {
    const body = exportCsv(state, entries, "provisions");
    expect(body.startsWith("\uFEFF")).toBe(true);
    const rows = csvRecords(body);
    const p5 = rows.find((r) => r.provision === "p5")!;
    expect(p5["final text"]).toBe(NASTY);
    expect(body).toContain('"No <script>alert(1)</script> | * _ # [x](y) ` ""a,b""\n=cmd"');
    const p7 = rows.find((r) => r.provision === "p7")!;
    expect(p7["final text"]).toBe(`'${FORMULA}`);
    expect(p7.title).toBe("'@spreadsheet");

    const actions = csvRecords(exportCsv(state, entries));
    expect(actions.find((a) => a.seq === "3")?.summary).toContain(NASTY);
    const signatures = csvRecords(exportCsv(state, entries, "signatures"));
    expect(signatures.map((s) => s["signed by"])).toEqual(["Mei <b>", "Sam =1+1"]);
    // Negative numbers stay numbers, not defused text.
    const scores = csvRecords(exportCsv(state, entries, "scores"));
    expect(scores.find((s) => s.delegation === "United States")?.score).toBe("-3");
  });

  it("JSON: the text is exact", () => {
    const parsed = JSON.parse(exportJson(state, entries)) as { state: SessionState; journal: JournalEntry[] };
    expect(parsed.state.provisions.find((p) => p.id === "p5")?.versions[0]?.text).toBe(NASTY);
    expect(parsed.journal[3]?.command).toEqual({ type: "say", channel: "floor", text: FORMULA });
  });

  it("names every file accord-CODE.ext, and a CSV table other than actions by its table", () => {
    expect(renderExport("html", state, entries).filename).toBe("accord-ACDEFG.html");
    expect(renderExport("md", state, entries).filename).toBe("accord-ACDEFG.md");
    expect(renderExport("json", state, entries).filename).toBe("accord-ACDEFG.json");
    expect(renderExport("csv", state, entries).filename).toBe("accord-ACDEFG.csv");
    expect(renderExport("csv", state, entries, { table: "scores" }).filename).toBe("accord-ACDEFG-scores.csv");
  });
});
