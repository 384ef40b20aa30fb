import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Scenario } from "../../shared/scenario.ts";
import { miniScenario } from "../fixtures/mini-scenario.ts";
import { runFuzz } from "./fuzz-harness.ts";

// Each seed plays the mini scenario under a different decision rule and press setting.
const SEEDS = [
  { seed: 1, decisionRule: "consensus", hostReadsPrivateChannels: true },
  { seed: 2, decisionRule: "majority", hostReadsPrivateChannels: true },
  { seed: 3, decisionRule: "two-thirds", hostReadsPrivateChannels: true },
  { seed: 42, decisionRule: "consensus", hostReadsPrivateChannels: false },
  { seed: 1234, decisionRule: "majority", hostReadsPrivateChannels: false },
  { seed: 20260101, decisionRule: "two-thirds", hostReadsPrivateChannels: false },
] as const;
const STEPS = 2500;

describe("fuzz: random commands from random seats keep every invariant", () => {
  const acceptedAcrossSeeds = new Set<string>();
  const acceptedFromAcrossSeeds = new Set<string>();
  for (const { seed, ...over } of SEEDS) {
    it(`seed ${seed} (${over.decisionRule}${over.hostReadsPrivateChannels ? "" : ", host does not read private channels"})`, () => {
      const report = runFuzz(seed, STEPS, miniScenario(over));
      if (report.failure) console.error(report.failure);
      expect(report.failure).toBeNull();
      // The run did real work: most phases reached and plenty of actions of many kinds accepted.
      expect(report.accepted).toBeGreaterThan(STEPS / 10);
      expect(report.refused).toBeGreaterThan(STEPS / 10);
      expect(report.phasesSeen.size).toBeGreaterThanOrEqual(4);
      expect(report.acceptedTypes.size).toBeGreaterThan(20);
      for (const t of report.acceptedTypes) acceptedAcrossSeeds.add(t);
      for (const t of report.acceptedFrom) acceptedFromAcrossSeeds.add(t);
    });
  }

  it("the seeds between them got every kind of drafting through, retagging included", () => {
    for (const t of ["provision.table", "provision.draft", "provision.retag", "amendment.propose", "amendment.vote"])
      expect(acceptedAcrossSeeds, t).toContain(t);
  });

  it("the seeds between them got today's actions through: jobs from the host and from a head, declining to sign, answering the debrief's questions and showing them", () => {
    for (const t of [
      "seat.job from the host",
      "seat.job from a head",
      "sign.decline from a head",
      "sign from a head",
      "reflection.answer from a delegate",
      "reflection.show from the host",
    ])
      expect(acceptedFromAcrossSeeds, t).toContain(t);
  });

  it("the default scenario from content/ (cyber-code) under one seed", () => {
    const file = "content/scenarios/cyber-code.json";
    expect(existsSync(file)).toBe(true);
    const scenario = Scenario.parse(JSON.parse(readFileSync(file, "utf8")));
    const report = runFuzz(7, STEPS, scenario);
    if (report.failure) console.error(report.failure);
    expect(report.failure).toBeNull();
    expect(report.accepted).toBeGreaterThan(STEPS / 10);
  });
});
