// The balance check: the default scenario teaches the lesson, and a scenario
// that cannot is refused with the reason, as `npm run balance` and
// `npm run content:check` print it.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { balance } from "../../content/balance.ts";
import { DEFAULT_SCENARIO_FILE, defaultScenario, validateScenario } from "../../content/load.ts";
import { Scenario } from "../../shared/scenario.ts";
import { valuation } from "../../shared/rules/index.ts";

const run = promisify(execFile);
const byName = (r: ReturnType<typeof balance>, name: string) => r.delegations.find((d) => d.name === name)!;

describe("balance of the default scenario", () => {
  const r = balance(defaultScenario());

  it("holds every property", () => {
    expect(r.failures).toEqual([]);
    expect(r.sets).toBe(32_767);
  });

  it("has a zone of possible agreement, but most sets of provisions are outside it", () => {
    expect(r.zone).toBeGreaterThan(0);
    expect(r.zone * 2).toBeLessThan(r.sets);
  });

  it("puts the article's first step inside the zone for everyone, some only barely", () => {
    for (const d of r.delegations) expect(d.firstStep!, d.name).toBeGreaterThanOrEqual(d.walkAway);
    const margins = r.delegations.map((d) => (d.firstStep! - d.walkAway) / (d.maximum - d.walkAway));
    expect(Math.min(...margins)).toBeLessThanOrEqual(0.25);
    // Going past it pays: every delegation's best inside the zone is above the first step.
    for (const d of r.delegations) expect(d.best!, d.name).toBeGreaterThan(d.firstStep!);
  });

  it("dooms nobody: each can reach at least half its own maximum inside the zone", () => {
    for (const d of r.delegations) expect(d.best! * 2, d.name).toBeGreaterThanOrEqual(d.maximum);
  });

  it("keeps bloc-only outcomes below every code that four of the five signed on the commons meter", () => {
    expect(r.commons.blocOnlyHighest).toBeLessThan(r.commons.wideCodeLowest);
    expect(r.stabilityFromFive).toBeLessThan(100);
  });

  it("agrees with the rules' own valuation of every set of cards", () => {
    // The enumeration uses bit masks; the game uses valuation(). Check they agree on the zone's edges.
    const s = defaultScenario();
    const china = s.delegations.find((d) => d.id === "china")!;
    const first = s.firstStep!.map((id) => ({ card: id, tags: s.cards.find((c) => c.id === id)!.tags }));
    expect(valuation(s, china.brief, first, true).value).toBe(byName(r, "China").firstStep);
    const all = s.cards.map((c) => ({ card: c.id, tags: c.tags }));
    expect(valuation(s, china.brief, all, true).value).toBeLessThanOrEqual(byName(r, "China").maximum);
  });
});

describe("balance refuses a scenario that cannot teach the lesson", () => {
  const base = () => structuredClone(defaultScenario());
  const failuresOf = (s: Scenario) => balance(Scenario.parse(s)).failures;

  it("when a walk-away beats every code all could sign (blocs pay as well)", () => {
    const s = base();
    s.delegations[0]!.brief.walkAway.value = 20; // China's best inside the zone is 20
    expect(failuresOf(s)).toContainEqual({
      path: "delegations.0.brief.walkAway.value",
      message:
        "no code all could sign beats walking away for China (best inside the zone 20, walk-away 20): blocs would pay as well",
    });
  });

  it("when the first step crosses a red line", () => {
    const s = base();
    s.firstStep = [...s.firstStep!, "free-flow"];
    expect(failuresOf(s)).toContainEqual({
      path: "firstStep",
      message: "the first step crosses China's red line (free-flow)",
    });
  });

  it("when agreement is impossible", () => {
    const s = base();
    for (const d of s.delegations) d.brief.walkAway.value = 33;
    expect(failuresOf(s).map((f) => f.message)).toContain(
      "no set of provisions leaves every delegation at or above its walk-away without crossing a red line: agreement is impossible",
    );
  });

  it("when agreement is free", () => {
    const s = base();
    for (const d of s.delegations) {
      d.brief.redLines = [];
      d.brief.walkAway.value = 0;
      d.brief.priorities = d.brief.priorities.filter((p) => p.weight > 0);
    }
    s.firstStep = undefined;
    expect(failuresOf(s).map((f) => f.message)).toContainEqual(expect.stringMatching(/^agreement is free: /));
  });

  it("when a delegation is doomed", () => {
    const s = base();
    const japan = s.delegations.find((d) => d.id === "japan")!;
    japan.brief.priorities = [
      { card: "state-sovereignty", weight: 10 },
      { card: "counter-information-threats", weight: 10 },
      { tag: "civilian", weight: 3 },
    ];
    japan.brief.redLines = [];
    japan.brief.walkAway.value = 2;
    expect(failuresOf(s).map((f) => f.message)).toContainEqual(expect.stringMatching(/^Japan is doomed: /));
  });

  it("through the same validation the server and content:check use", () => {
    const s = base();
    s.delegations[4]!.brief.walkAway.value = 40;
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toContainEqual({
        path: "delegations.4.brief.walkAway.value",
        message: "Japan's walk-away (40) is not below its maximum (33): no code could beat its alternative",
      });
  });
});

describe("npm run balance", () => {
  it("prints the figures for the default scenario and exits 0", async () => {
    const r = await run("npm", ["run", "--silent", "balance", "--", DEFAULT_SCENARIO_FILE]);
    expect(r.stdout).toMatch(/15 cards, 32,767 sets of provisions; zone of possible agreement: [\d,]+ sets/);
    expect(r.stdout).toMatch(/^ {2}China +34 +6 +\d+ +\d+ +7$/m);
    expect(r.stdout).toContain("every property holds");
  }, 30_000);

  it("prints every failed property as FILE: path: reason and exits 1", async () => {
    const s = structuredClone(defaultScenario());
    s.delegations[1]!.brief.walkAway.value = 60;
    const file = join(mkdtempSync(join(tmpdir(), "accord-balance-")), "bad.json");
    writeFileSync(file, JSON.stringify(s));
    const r = await run("npm", ["run", "--silent", "balance", "--", file]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect("code" in r ? r.code : 0).toBe(1);
    expect(r.stderr).toContain(
      `${file}: delegations.1.brief.walkAway.value: Russia's walk-away (60) is not below its maximum (34): no code could beat its alternative`,
    );
  }, 30_000);
});
