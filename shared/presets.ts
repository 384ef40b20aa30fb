// Lesson presets: the scenario's phase plan scaled to fit a school timetable.
// Pure functions of the plan, so the home page, the API and the tests agree on
// the minutes; the chosen plan replaces the scenario's own when hosting. Free
// of zod so the pages can import it (the schemas are in lesson.ts).
import { PHASES, PHASE_TITLES, type PhaseId } from "./phases.ts";
import type { PhasePlanEntry } from "./scenario.ts";

export const PRESET_IDS = ["period-45", "two-periods", "workshop-90"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetDefinition {
  id: PresetId;
  title: string;
  /** What the teacher reads when choosing. */
  description: string;
  /** Minutes of phases in each lesson, in order; a phase belongs to the first lesson until `split`. */
  lessons: number[];
  /** The last phase of the first lesson when the plan spans two (the timer holds there). */
  pauseAfter: PhaseId | null;
}

// Each lesson keeps a few minutes for settling in and joining: the phases fill the rest.
export const PRESETS: readonly PresetDefinition[] = [
  {
    id: "period-45",
    title: "One 45-minute period",
    description: "Every phase, the debrief included, inside one 45-minute period (3 minutes left to join).",
    lessons: [42],
    pauseAfter: null,
  },
  {
    id: "two-periods",
    title: "Two periods",
    description:
      "Briefing, opening and negotiation in the first period; stop when negotiation ends and resume days later with everything kept for the final text, signing and debrief.",
    lessons: [40, 40],
    pauseAfter: "negotiation",
  },
  {
    id: "workshop-90",
    title: "A 90-minute workshop",
    description: "Every phase with room to breathe in a 90-minute session (5 minutes left to join).",
    lessons: [85],
    pauseAfter: null,
  },
];

export const presetDefinition = (id: PresetId): PresetDefinition => PRESETS.find((p) => p.id === id)!;

/**
 * Scales minutes to add up to `target` exactly, in whole minutes and at least one
 * each, keeping their proportions (largest remainders get the spare minutes).
 */
export function scaleMinutes(minutes: number[], target: number): number[] {
  const total = minutes.reduce((a, b) => a + b, 0);
  if (minutes.length === 0 || total <= 0) return minutes.map(() => 1);
  const exact = minutes.map((m) => Math.max(1, (m * target) / total));
  const floors = exact.map(Math.floor);
  let spare = target - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (spare <= 0) break;
    floors[i]! += 1;
    spare -= 1;
  }
  return floors;
}

/** The plan a preset makes of a scenario's phases (in phase order). */
export function presetPlan(phases: readonly PhasePlanEntry[], id: PresetId): PhasePlanEntry[] {
  const def = presetDefinition(id);
  const split = def.pauseAfter === null ? phases.length : PHASES.indexOf(def.pauseAfter) + 1;
  const groups = def.lessons.length === 1 ? [phases.slice()] : [phases.slice(0, split), phases.slice(split)];
  return groups.flatMap((group, lesson) => {
    const minutes = scaleMinutes(
      group.map((p) => p.minutes),
      def.lessons[lesson]!,
    );
    return group.map((p, i) => ({
      ...p,
      minutes: minutes[i]!,
      // The first lesson ends when its last phase's time is up: nothing moves on by itself.
      onExpire: p.phase === def.pauseAfter ? ("hold" as const) : p.onExpire,
    }));
  });
}

export type PhaseMinutes = Partial<Record<PhaseId, number>>;

/** The teacher's own minutes for some phases, over a plan. */
export const withMinutes = (plan: PhasePlanEntry[], minutes: PhaseMinutes = {}): PhasePlanEntry[] =>
  plan.map((p) => ({ ...p, minutes: minutes[p.phase] ?? p.minutes }));

export const planMinutes = (plan: readonly PhasePlanEntry[]) => plan.reduce((a, p) => a + p.minutes, 0);

/** What the home page shows of each preset for one scenario. */
export function presetSummaries(phases: readonly PhasePlanEntry[]) {
  return PRESETS.map((def) => {
    const plan = presetPlan(phases, def.id);
    return {
      id: def.id,
      title: def.title,
      description: def.description,
      minutes: planMinutes(plan),
      pauseAfter: def.pauseAfter,
      phases: plan.map((p) => ({ phase: p.phase, title: PHASE_TITLES[p.phase], minutes: p.minutes })),
    };
  });
}

/** The lesson a session was hosted for: its preset, and what the debrief shows. */
export interface Lesson {
  preset: PresetId | null;
  /** Where a lesson spread over two periods stops for the first one. */
  pauseAfter: PhaseId | null;
  /** Whether the debrief shows every team and private channel to the whole class. */
  revealChannels: boolean;
  /** Stopped between two lessons (session.adjourn): seats are kept however long everyone is away. */
  adjourned?: boolean;
}

export const DEFAULT_LESSON: Lesson = { preset: null, pauseAfter: null, revealChannels: true };
