// The lesson settings as schemas: what POST /api/sessions accepts beside the
// scenario, and what the session state records (see presets.ts for the plans).
import { z } from "zod";
import { PHASES } from "./phases.ts";
import { PRESET_IDS, type Lesson as LessonType } from "./presets.ts";

export const PresetId = z.enum(PRESET_IDS);

export const PhaseMinutes = z.partialRecord(z.enum(PHASES), z.number().min(0.5).max(180));

export const Lesson: z.ZodType<LessonType> = z.object({
  preset: PresetId.nullable(),
  pauseAfter: z.enum(PHASES).nullable(),
  revealChannels: z.boolean(),
  adjourned: z.boolean().optional(),
});
