// The loader's other promises: nothing half-loaded, exact quotes, the editor key,
// listing and the default scenario, and where the article is looked for.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DEFAULT_SCENARIO_FILE,
  SCENARIO_DIR,
  defaultScenario,
  findSourceText,
  formatError,
  listScenarios,
  loadScenarioFile,
  validateScenario,
} from "../../content/load.ts";
import { LIMITS } from "../../shared/limits.ts";

const base = () => JSON.parse(readFileSync(DEFAULT_SCENARIO_FILE, "utf8")) as Record<string, any>;
const SOURCE = "The two countries “agreed” to share data—quickly.\nThey did it in the Internet’s name.";
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "accord-content-"));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
  delete process.env.ACCORD_SOURCE_DIR;
});

const withQuote = (quote: string) => {
  const doc = base();
  for (const c of doc.cards) c.quote = "share data";
  for (const i of doc.injects) delete i.quote;
  doc.cards[0].quote = quote;
  return doc;
};
const quoteErrors = (quote: string) => {
  const r = validateScenario(withQuote(quote), { sourceText: SOURCE });
  return r.ok ? [] : r.errors;
};

describe("validateScenario", () => {
  it("returns no scenario at all when anything is wrong", () => {
    const doc = base();
    doc.delegations[2].colour = "red";
    const result = validateScenario(doc);
    expect(result).toEqual({ ok: false, errors: [{ path: "delegations.2.colour", message: "a colour is #rrggbb" }] });
    expect("scenario" in result).toBe(false);
  });

  it("does not change the document it is given", () => {
    const doc = base();
    const before = structuredClone(doc);
    validateScenario(doc, { sourceText: SOURCE });
    expect(doc).toEqual(before);
  });

  it("fills in defaults a teacher may leave out", () => {
    const doc = base();
    delete doc.decisionRule;
    delete doc.hostReadsPrivateChannels;
    for (const c of doc.cards) delete c.stage;
    const result = validateScenario(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.decisionRule).toBe("consensus");
    expect(result.scenario.hostReadsPrivateChannels).toBe(true);
    expect(result.scenario.cards.every((c) => c.stage === "core")).toBe(true);
  });

  it("allows the $schema key at the top, as text only, and leaves it out of the scenario", () => {
    const ok = validateScenario(base());
    expect(ok.ok && "$schema" in ok.scenario).toBe(false);
    const doc = base();
    doc.$schema = 42;
    const bad = validateScenario(doc);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(["$schema"]);
  });

  it("names unknown fields anywhere in the document", () => {
    const doc = base();
    doc.delegations[1].brief.redline = [];
    doc.cards[3].colour = "#000000";
    const result = validateScenario(doc);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "delegations.1.brief.redline", message: 'unknown field: did you mean "redLines"?' },
      { path: "cards.3.colour", message: expect.stringMatching(/^unknown field: expected one of id, title, text/) },
    ]);
  });

  it("refuses a document that is not an object", () => {
    for (const doc of [null, [], "scenario", 3]) {
      const result = validateScenario(doc);
      expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(["(root)"]);
    }
  });

  describe("quotes", () => {
    it("accepts words copied exactly, even across a line break or with extra spaces", () => {
      expect(quoteErrors("countries “agreed” to share data—quickly. They did it")).toEqual([]);
      expect(quoteErrors("data—quickly.   They\n did it in the Internet’s name.")).toEqual([]);
    });

    it("refuses straight quotes, apostrophes or dashes where the article has curly ones", () => {
      const notFound = [{ path: "cards.0.quote", message: "quote not found in the source" }];
      expect(quoteErrors('countries "agreed" to share')).toEqual(notFound);
      expect(quoteErrors("the Internet's name")).toEqual(notFound);
      expect(quoteErrors("share data-quickly")).toEqual(notFound);
      expect(quoteErrors("The two countries agreed")).toEqual(notFound);
    });

    it("checks the quotes of injects too", () => {
      const doc = withQuote("share data");
      doc.injects[1].quote = "an invented sentence";
      const result = validateScenario(doc, { sourceText: SOURCE });
      expect(result.ok ? [] : result.errors).toEqual([
        { path: "injects.1.quote", message: "quote not found in the source" },
      ]);
    });
  });
});

describe("formatError", () => {
  it("prints FILE: path: reason", () => {
    expect(formatError("mine.json", { path: "delegations.0.name", message: "missing" })).toBe(
      "mine.json: delegations.0.name: missing",
    );
  });
});

describe("loadScenarioFile", () => {
  it("refuses a missing file and an oversized one at (file)", () => {
    const dir = tempDir();
    expect(loadScenarioFile(join(dir, "none.json"))).toEqual({
      ok: false,
      errors: [{ path: "(file)", message: "no such file" }],
    });
    const big = join(dir, "big.json");
    writeFileSync(big, " ".repeat(LIMITS.scenarioBytes + 1));
    const result = loadScenarioFile(big);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(["(file)"]);
  });

  it("reads a file saved with a byte-order mark", () => {
    const file = join(tempDir(), "bom.json");
    writeFileSync(file, `\uFEFF${readFileSync(DEFAULT_SCENARIO_FILE, "utf8")}`);
    expect(loadScenarioFile(file).ok).toBe(true);
  });
});

describe("listScenarios", () => {
  it("lists the default scenario by its title", () => {
    expect(listScenarios()).toContainEqual({
      id: "cyber-code",
      title: "A Code of Conduct for Cyberspace",
      summary: expect.stringContaining("China and Russia"),
      // Who can be played when practising alone.
      delegations: expect.arrayContaining([{ id: "japan", name: "Japan", emblem: "JP" }]),
      file: DEFAULT_SCENARIO_FILE,
      // Its phase plan, which the lesson presets scale.
      phases: expect.arrayContaining([expect.objectContaining({ phase: "negotiation" })]),
    });
    expect(listScenarios(SCENARIO_DIR).length).toBeGreaterThanOrEqual(1);
  });

  it("leaves out broken files and files that are not JSON", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a-good.json"), readFileSync(DEFAULT_SCENARIO_FILE));
    writeFileSync(join(dir, "b-broken.json"), "{");
    writeFileSync(join(dir, "notes.txt"), "not a scenario");
    expect(listScenarios(dir).map((s) => s.file)).toEqual([join(dir, "a-good.json")]);
    expect(listScenarios(join(dir, "absent"))).toEqual([]);
  });
});

describe("defaultScenario", () => {
  it("gives a fresh copy each time, so one session cannot change another's scenario", () => {
    const a = defaultScenario();
    a.delegations[0]!.name = "Changed";
    expect(defaultScenario().delegations[0]!.name).toBe("China");
  });
});

describe("findSourceText", () => {
  it("reads $ACCORD_SOURCE_DIR, and gives null when it is unset or holds no article", () => {
    delete process.env.ACCORD_SOURCE_DIR;
    expect(findSourceText()).toBeNull();
    const dir = tempDir();
    writeFileSync(join(dir, "article.txt"), "A different article.");
    process.env.ACCORD_SOURCE_DIR = dir;
    expect(findSourceText()).toBe("A different article.");
    process.env.ACCORD_SOURCE_DIR = join(dir, "absent");
    expect(findSourceText()).toBeNull();
  });
});
