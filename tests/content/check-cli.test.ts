// `npm run content:check` as a teacher or CI runs it: a child process, its exit code and its output.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ARTICLE_DIR, itWithArticle } from "../support/article.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DEFAULT = "content/scenarios/cyber-code.json";
const tmp = mkdtempSync(join(tmpdir(), "accord-check-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };
const run = (command: string, args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: ROOT, timeout: 30_000, env: { ...process.env, ACCORD_SOURCE_DIR: "" } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
const check = (...args: string[]) => run(process.execPath, ["--import", "tsx", "content/check.ts", ...args]);

const copyWith = (name: string, change: (doc: any) => void): string => {
  const doc = JSON.parse(readFileSync(join(ROOT, DEFAULT), "utf8"));
  change(doc);
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
};

describe("npm run content:check", () => {
  it("exits 0 with a one-line summary for the default scenario", async () => {
    const r = await run("npm", ["run", "--silent", "content:check", "--", DEFAULT]);
    expect(r).toEqual({
      code: 0,
      stdout:
        `${DEFAULT}: ok — "A Code of Conduct for Cyberspace", 5 delegations, 15 cards, 5 injects\n` +
        "(quotes were not checked: no source article; set ACCORD_SOURCE_DIR or use --source DIR)\n",
      stderr: "",
    });
  });

  it("exits 1 and names delegations.0.name when the first delegation has no name", async () => {
    const file = copyWith("no-name.json", (doc) => delete doc.delegations[0].name);
    const r = await check(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${file}: delegations.0.name: missing: add this field (text)\n`);
  });

  it("lists every error of every invalid file, and still summarises the valid ones", async () => {
    const broken = copyWith("broken.json", (doc) => {
      doc.delegations[1].brief.priorities[0].card = "no-such-card";
      doc.injects[0].cards.push("another-missing-card");
      doc.delegations[4].colour = "orange";
    });
    const r = await check(DEFAULT, broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${DEFAULT}: ok`);
    expect(r.stderr.trim().split("\n")).toEqual([
      `${broken}: delegations.4.colour: a colour is #rrggbb`,
      `${broken}: delegations.1.brief.priorities.0.card: no provision card has the id "no-such-card"`,
      `${broken}: injects.0.cards.4: no provision card has the id "another-missing-card"`,
    ]);
  });

  itWithArticle("checks quotes against the article, or against another folder with --source", async () => {
    const misquoted = copyWith("misquoted.json", (doc) => {
      doc.cards[2].quote = "to swap information technology";
    });
    const r = await check("--source", ARTICLE_DIR!, misquoted);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${misquoted}: cards.2.quote: quote not found in the source\n`);

    const other = join(tmp, "other-article");
    mkdirSync(other);
    writeFileSync(join(other, "article.txt"), "Nothing from the cyber article is here.");
    const elsewhere = await check("--source", other, DEFAULT);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain(`${DEFAULT}: cards.0.quote: quote not found in the source`);

    const skipped = await check("--no-source", misquoted);
    expect(skipped.code).toBe(0);
  });

  it("exits 1 on a file that is not JSON, and 2 when used wrongly", async () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = await check(bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\(file\\): not valid JSON`));
    expect((await check()).code).toBe(2);
    expect((await check("--source", join(tmp, "absent"), DEFAULT)).code).toBe(2);
  });
});
