// The default scenario, as a teacher and students meet it: valid, faithful to
// the article, and built so that the negotiation has both common ground and conflict.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_SCENARIO_FILE, defaultScenario, validateScenario } from "../../content/load.ts";
import { ARTICLE, itWithArticle } from "../support/article.ts";
import type { Delegation, Scenario } from "../../shared/scenario.ts";

const scenario: Scenario = defaultScenario();
const raw = JSON.parse(readFileSync(DEFAULT_SCENARIO_FILE, "utf8")) as Record<string, unknown>;
const OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];

const byId = <T extends { id: string }>(items: T[], id: string): T => {
  const found = items.find((x) => x.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

/** What a delegation's brief says about a card: the sum of matching priorities, and whether it crosses a red line. */
function stanceOf(d: Delegation, cardId: string): { weight: number; redLine: boolean } {
  const card = byId(scenario.cards, cardId);
  const weight = d.brief.priorities
    .filter((p) => p.card === cardId || (p.tag !== undefined && card.tags.includes(p.tag)))
    .reduce((sum, p) => sum + p.weight, 0);
  return { weight, redLine: d.brief.redLines.some((r) => card.tags.includes(r.tag)) };
}

describe("the default scenario", () => {
  itWithArticle("validates, with the source article checking its quotes", () => {
    const result = validateScenario(raw, { sourceText: ARTICLE });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("validates without the article too (quotes unchecked)", () => {
    const result = validateScenario(raw);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  itWithArticle("quotes the article word for word in every card and every quoted inject", () => {
    const source = ARTICLE!.replace(/\s+/g, " ");
    const quotes = [
      ...scenario.cards.map((c) => c.quote),
      ...scenario.injects.flatMap((i) => (i.quote ? [i.quote] : [])),
    ];
    expect(quotes.length).toBe(scenario.cards.length + 4);
    for (const q of quotes) expect(source, q).toContain(q.replace(/\s+/g, " "));
  });

  itWithArticle(
    "is written in its own words outside the quote fields: no run of seven words copied from the article",
    () => {
      const words = (s: string) =>
        s
          .toLowerCase()
          .split(/[^a-z0-9’']+/)
          .filter(Boolean);
      const RUN = 7;
      const article = words(ARTICLE!);
      const runs = new Set(
        article.slice(0, article.length - RUN + 1).map((_, i) => article.slice(i, i + RUN).join(" ")),
      );
      const copied: string[] = [];
      const walk = (v: unknown, path: string): void => {
        if (typeof v === "string") {
          const w = words(v);
          for (let i = 0; i + RUN <= w.length; i++)
            if (runs.has(w.slice(i, i + RUN).join(" "))) copied.push(`${path}: ${w.slice(i, i + RUN).join(" ")}`);
        } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
        else if (typeof v === "object" && v !== null)
          for (const [k, x] of Object.entries(v)) if (k !== "quote") walk(x, `${path}.${k}`);
      };
      walk(raw, "");
      expect(copied).toEqual([]);
    },
  );

  it("points editors at the committed JSON Schema", () => {
    expect(raw.$schema).toBe("../scenario.schema.json");
  });

  it("describes the lesson: source, objectives, length, consensus, and the host reading private channels", () => {
    expect(scenario.source.title).toBe("International Cyber Codes of Conduct");
    expect(scenario.learningObjectives.length).toBeGreaterThanOrEqual(3);
    expect(scenario.suggestedMinutes).toBeGreaterThanOrEqual(45);
    expect(scenario.suggestedMinutes).toBeLessThanOrEqual(90);
    expect(scenario.decisionRule).toBe("consensus");
    expect(scenario.hostReadsPrivateChannels).toBe(true);
    expect(scenario.codeTitle).toBe("International Code of Conduct for Cyberspace");
  });

  it("seats the five states the article names, each with a colour-blind-safe colour and an emblem", () => {
    expect(scenario.delegations.map((d) => [d.id, d.name, d.emblem])).toEqual([
      ["china", "China", "CN"],
      ["russia", "Russia", "RU"],
      ["united-states", "United States", "US"],
      ["united-kingdom", "United Kingdom", "UK"],
      ["japan", "Japan", "JP"],
    ]);
    const colours = scenario.delegations.map((d) => d.colour.toUpperCase());
    for (const c of colours) expect(OKABE_ITO).toContain(c);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("holds every provision card the article gives, the later-stage topics apart", () => {
    const core = [
      "non-aggression",
      "threat-data",
      "technology-exchange",
      "counter-information-threats",
      "state-sovereignty",
      "no-ict-leverage",
      "protected-schools-hospitals",
      "protected-infrastructure",
      "cybercrime-cooperation",
      "free-flow",
      "working-groups",
      "allied-defence",
    ];
    const later = ["intellectual-property", "personal-data", "social-media"];
    expect(scenario.cards.filter((c) => c.stage === "core").map((c) => c.id)).toEqual(core);
    expect(scenario.cards.filter((c) => c.stage === "later").map((c) => c.id)).toEqual(later);
    for (const id of later) expect(byId(scenario.cards, id).category).toBe("later-stage");
  });

  it("moves the meters the way the article frames the debate", () => {
    expect(byId(scenario.cards, "free-flow").meters.commons).toBeGreaterThan(0);
    expect(byId(scenario.cards, "state-sovereignty").meters.commons).toBeLessThan(0);
    expect(byId(scenario.cards, "counter-information-threats").meters.commons).toBeLessThan(0);
    expect(byId(scenario.cards, "protected-infrastructure").meters.stability).toBeGreaterThan(0);
    expect(byId(scenario.cards, "protected-schools-hospitals").meters.stability).toBeGreaterThan(0);
  });

  it("has the article's events as injects, and a fictional attack on a hospital that says it is fictional", () => {
    expect(scenario.injects.map((i) => i.id)).toEqual([
      "moscow-agreement",
      "un-code-submitted",
      "working-groups-frozen",
      "allied-agreements",
      "hospital-ransomware",
    ]);
    for (const inj of scenario.injects) expect(inj.cards.length).toBeGreaterThan(0);
    const attack = byId(scenario.injects, "hospital-ransomware");
    expect(attack.quote).toBeUndefined();
    expect(attack.body).toMatch(/fictional/i);
    // The headline is what flashes on every screen: it says role-play too.
    expect(attack.headline).toMatch(/^Role-play news: /);
    expect(attack.cards).toContain("protected-schools-hospitals");
  });

  it("runs the six phases in order, with private channels only while drafting", () => {
    expect(scenario.phases.map((p) => [p.phase, p.privateChannels])).toEqual([
      ["briefing", false],
      ["opening", false],
      ["negotiation", true],
      ["final-text", true],
      ["signing", false],
      ["debrief", false],
    ]);
    const total = scenario.phases.reduce((sum, p) => sum + p.minutes, 0);
    expect(total).toBeLessThanOrEqual(scenario.suggestedMinutes);
  });

  it("asks five to eight debrief questions", () => {
    expect(scenario.questions.length).toBeGreaterThanOrEqual(5);
    expect(scenario.questions.length).toBeLessThanOrEqual(8);
  });

  it("marks what the game adds beyond the article as role-play where students read it", () => {
    for (const d of scenario.delegations) expect(d.brief.instructions, d.id).toMatch(/^Role-play: /);
  });

  it("does not give the article author's proposal to Japan as its own public position", () => {
    // The article's author, not Japan, proposes the first step (hospitals, schools, infrastructure off limits).
    const japan = byId(scenario.delegations, "japan");
    expect(japan.publicPosition).not.toMatch(/propos|hospital|school|power grid|water/i);
  });

  it("names the article's first step as the cards every camp might accept", () => {
    expect(scenario.firstStep).toEqual([
      "protected-infrastructure",
      "protected-schools-hospitals",
      "threat-data",
      "cybercrime-cooperation",
    ]);
  });

  describe("the secret briefs", () => {
    it("give every delegation priorities, a red line, a walk-away with the alternative it stands for, and a definition of success", () => {
      for (const d of scenario.delegations) {
        expect(d.brief.walkAway.value, d.id).toBeGreaterThan(0);
        expect(d.brief.walkAway.alternative, d.id).toMatch(/agreement|pact/);
        expect(d.brief.priorities.length, d.id).toBeGreaterThanOrEqual(5);
        expect(d.brief.redLines.length, d.id).toBeGreaterThanOrEqual(1);
        expect(d.brief.success.length, d.id).toBeGreaterThan(20);
      }
    });

    it("leave common ground: every delegation gains from protecting hospitals, schools and infrastructure, and none has a red line there", () => {
      for (const d of scenario.delegations) {
        for (const card of ["protected-schools-hospitals", "protected-infrastructure"]) {
          const s = stanceOf(d, card);
          expect(s.weight, `${d.id} on ${card}`).toBeGreaterThan(0);
          expect(s.redLine, `${d.id} on ${card}`).toBe(false);
        }
      }
    });

    it("set the camps against each other on content control and the free flow of information", () => {
      const sovereignty = ["china", "russia"].map((id) => byId(scenario.delegations, id));
      const open = ["united-states", "united-kingdom", "japan"].map((id) => byId(scenario.delegations, id));
      for (const d of sovereignty) {
        expect(stanceOf(d, "free-flow").redLine, d.id).toBe(true);
        expect(stanceOf(d, "counter-information-threats").weight, d.id).toBeGreaterThan(0);
        expect(stanceOf(d, "state-sovereignty").weight, d.id).toBeGreaterThan(0);
      }
      for (const d of open) {
        expect(stanceOf(d, "counter-information-threats").redLine, d.id).toBe(true);
        expect(stanceOf(d, "free-flow").weight, d.id).toBeGreaterThan(0);
        // The card's text lets states govern online content: the red line the brief names.
        expect(stanceOf(d, "state-sovereignty").redLine, d.id).toBe(true);
        expect(d.brief.instructions, d.id).toMatch(/control online content/);
      }
    });

    it("differ within each camp, so that no two delegations play the same brief", () => {
      const signatures = scenario.delegations.map((d) => JSON.stringify(scenario.cards.map((c) => stanceOf(d, c.id))));
      expect(new Set(signatures).size).toBe(scenario.delegations.length);
    });
  });
});
