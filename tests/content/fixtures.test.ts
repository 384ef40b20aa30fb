// Broken scenario files: each is refused, naming exactly the field a teacher must fix.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { loadScenarioFile } from "../../content/load.ts";
import { readFileSync } from "node:fs";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/scenarios/${name}.json`, import.meta.url));
// The fixtures quote the article; a text made of the minimal scenario's own
// quotes stands in for it, so these checks run in any clone.
const quotesOf = (doc: { cards: { quote: string }[]; injects: { quote?: string }[] }) => [
  ...doc.cards.map((c) => c.quote),
  ...doc.injects.flatMap((i) => (i.quote ? [i.quote] : [])),
];
const source = quotesOf(JSON.parse(readFileSync(fixture("valid-minimal"), "utf8"))).join("\n");

const paths = (name: string): string[] => {
  const result = loadScenarioFile(fixture(name), { sourceText: source });
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.errors.map((e) => e.path);
};
const messages = (name: string): string[] => {
  const result = loadScenarioFile(fixture(name), { sourceText: source });
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe("scenario fixtures", () => {
  it("accepts the minimal valid scenario the broken ones are made from", () => {
    const result = loadScenarioFile(fixture("valid-minimal"), { sourceText: source });
    expect(result.ok ? result.scenario.delegations.map((d) => d.name) : result.errors).toEqual(["North", "South"]);
  });

  it.each([
    ["missing-delegation-name", ["delegations.0.name"]],
    ["brief-unknown-card", ["delegations.1.brief.priorities.0.card"]],
    ["red-line-unknown-tag", ["delegations.0.brief.redLines.0.tag"]],
    ["inject-unknown-card", ["injects.0.cards.1"]],
    ["duplicate-card-id", ["cards.1.id"]],
    ["phases-out-of-order", ["phases.2.phase", "phases.3.phase"]],
    ["bad-colour", ["delegations.0.colour"]],
    ["quote-not-in-source", ["cards.0.quote"]],
    ["unknown-field", ["summary", "sumary"]],
    ["several-errors", ["delegations.0.name", "injects.0.cards.0"]],
    ["invalid-json", ["(file)"]],
  ])("refuses %s, naming %j", (name, expected) => {
    expect(paths(name)).toEqual(expected);
  });

  it("says why, in words a teacher can act on", () => {
    expect(messages("missing-delegation-name")).toEqual(["delegations.0.name: missing: add this field (text)"]);
    expect(messages("brief-unknown-card")).toEqual([
      'delegations.1.brief.priorities.0.card: no provision card has the id "open-internett"',
    ]);
    expect(messages("inject-unknown-card")).toEqual(['injects.0.cards.1: no provision card has the id "power-grids"']);
    expect(messages("duplicate-card-id")).toEqual(['cards.1.id: duplicate id "hospitals"']);
    expect(messages("bad-colour")).toEqual(["delegations.0.colour: a colour is #rrggbb"]);
    expect(messages("quote-not-in-source")).toEqual(["cards.0.quote: quote not found in the source"]);
    expect(messages("unknown-field")).toContain('sumary: unknown field: did you mean "summary"?');
    expect(messages("phases-out-of-order")[0]).toMatch(/^phases\.2\.phase: expected "negotiation" here/);
    expect(messages("invalid-json")[0]).toMatch(/^\(file\): not valid JSON/);
  });

  it("does not check quotes when no source text is given (a teacher's scenario from another article)", () => {
    const result = loadScenarioFile(fixture("quote-not-in-source"));
    expect(result.ok).toBe(true);
  });
});
