// The lesson settings a host may send with POST /api/sessions, beside the
// scenario: a preset ("period-45", "two-periods", "workshop-90"), their own
// minutes for some phases, and whether the debrief reveals team and private
// channels. They are taken off the body first, so the rest is the scenario
// choice exactly as before.
import { z } from "zod";
import { DEFAULT_LESSON, presetDefinition, presetPlan, withMinutes } from "../../shared/presets.ts";
import { PhaseMinutes, PresetId } from "../../shared/lesson.ts";
import type { Lesson } from "../../shared/presets.ts";
import type { Scenario } from "../../shared/scenario.ts";

export const LESSON_KEYS = ["preset", "minutes", "revealChannels"] as const;

const LessonOptions = z
  .object({
    preset: PresetId.nullable().optional(),
    minutes: PhaseMinutes.optional(),
    revealChannels: z.boolean().optional(),
  })
  .strict();
export type LessonOptions = z.infer<typeof LessonOptions>;

type Split =
  { ok: true; options: LessonOptions; rest: unknown } | { ok: false; errors: { path: string; message: string }[] };

/** Separates the lesson settings from the scenario choice; a bad setting is named with its path. */
export function splitLessonOptions(body: unknown): Split {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: true, options: {}, rest: body };
  const record = body as Record<string, unknown>;
  // A whole scenario document sent as the body has none of these keys; one wrapped in { scenario } may.
  if (!("scenario" in record) && !LESSON_KEYS.some((k) => k in record)) return { ok: true, options: {}, rest: body };
  const picked = Object.fromEntries(LESSON_KEYS.filter((k) => k in record).map((k) => [k, record[k]]));
  const parsed = LessonOptions.safeParse(picked);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        path: i.path.join("."),
        message:
          i.path[0] === "preset"
            ? `choose one of ${PresetId.options.map((p) => `"${p}"`).join(", ")}`
            : i.path[0] === "minutes"
              ? `minutes are given per phase, from 0.5 to 180 (${i.message})`
              : i.message,
      })),
    };
  const rest = Object.fromEntries(
    Object.entries(record).filter(([k]) => !(LESSON_KEYS as readonly string[]).includes(k)),
  );
  return { ok: true, options: parsed.data, rest };
}

/** The scenario with the chosen plan in place of its own, and the lesson to record with the session. */
export function applyLesson(scenario: Scenario, options: LessonOptions): { scenario: Scenario; lesson: Lesson } {
  const preset = options.preset ?? null;
  const plan = preset ? presetPlan(scenario.phases, preset) : scenario.phases;
  return {
    scenario: { ...scenario, phases: withMinutes(plan, options.minutes) },
    lesson: {
      preset,
      pauseAfter: preset ? presetDefinition(preset).pauseAfter : null,
      revealChannels: options.revealChannels ?? DEFAULT_LESSON.revealChannels,
    },
  };
}
