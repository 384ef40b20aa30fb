// Lesson presets are the scenario's plan scaled to a timetable: these check the
// minutes a teacher is shown for the default scenario and for odd plans.
import { describe, expect, it } from "vitest";
import { defaultScenario } from "../../content/load.ts";
import { PHASES } from "../../shared/phases.ts";
import { planMinutes, presetPlan, presetSummaries, scaleMinutes, withMinutes } from "../../shared/presets.ts";

const plan = defaultScenario().phases;
const minutesOf = (p: { minutes: number }[]) => p.map((e) => e.minutes);

describe("scaleMinutes", () => {
  it("keeps proportions in whole minutes that add up to the target", () => {
    expect(scaleMinutes([5, 8, 25, 8, 5, 15], 42)).toEqual([3, 5, 16, 5, 3, 10]);
    expect(scaleMinutes([1, 1, 1], 10).reduce((a, b) => a + b)).toBe(10);
  });

  it("gives every phase at least a minute", () => {
    expect(Math.min(...scaleMinutes([0.5, 60, 60], 20))).toBeGreaterThanOrEqual(1);
  });
});

describe("presets of the default scenario (5+8+25+8+5+15 = 66 minutes)", () => {
  it("period-45 fits every phase, the debrief included, in 42 minutes (3 to join)", () => {
    const p = presetPlan(plan, "period-45");
    expect(p.map((e) => e.phase)).toEqual([...PHASES]);
    expect(minutesOf(p)).toEqual([3, 5, 16, 5, 3, 10]);
    expect(planMinutes(p)).toBe(42);
  });

  it("two-periods stops after negotiation: 40 minutes each side, the timer holds at the end of negotiation", () => {
    const p = presetPlan(plan, "two-periods");
    expect(planMinutes(p.slice(0, 3))).toBe(40);
    expect(planMinutes(p.slice(3))).toBe(40);
    expect(p.find((e) => e.phase === "negotiation")?.onExpire).toBe("hold");
  });

  it("workshop-90 gives 85 minutes of phases, negotiation the longest", () => {
    const p = presetPlan(plan, "workshop-90");
    expect(planMinutes(p)).toBe(85);
    expect(Math.max(...minutesOf(p))).toBe(p.find((e) => e.phase === "negotiation")?.minutes);
  });

  it("keeps each phase's press rules", () => {
    const p = presetPlan(plan, "period-45");
    expect(p.map((e) => e.privateChannels)).toEqual(plan.map((e) => e.privateChannels));
  });

  it("a teacher's minutes for one phase replace the preset's for that phase only", () => {
    const p = withMinutes(presetPlan(plan, "period-45"), { debrief: 12 });
    expect(minutesOf(p)).toEqual([3, 5, 16, 5, 3, 12]);
  });

  it("summaries list the three presets with their minutes and phase titles", () => {
    const s = presetSummaries(plan);
    expect(s.map((p) => [p.id, p.minutes])).toEqual([
      ["period-45", 42],
      ["two-periods", 80],
      ["workshop-90", 85],
    ]);
    expect(s[0]!.phases[2]).toEqual({ phase: "negotiation", title: "Negotiation", minutes: 16 });
  });
});
