// "Run together": one command from the class console becomes the same host
// action at every table. Each table answers for itself (a table already at
// the last phase refuses "next phase" and the others go on).
import { z } from "zod";
import type { ClientAction } from "../../shared/protocol.ts";

export const TogetherCommand = z
  .object({
    run: z.enum(["next-phase", "start-timer", "pause-timer", "resume-timer"]),
    /** For start-timer: minutes for every table (default: each phase's planned minutes). */
    minutes: z.number().min(0.5).max(180).optional(),
  })
  .strict();
export type TogetherCommand = z.infer<typeof TogetherCommand>;

export function togetherAction(command: TogetherCommand): ClientAction {
  switch (command.run) {
    case "next-phase":
      return { type: "phase.next" };
    case "start-timer":
      return command.minutes !== undefined
        ? { type: "timer.start", minutes: command.minutes }
        : { type: "timer.start" };
    case "pause-timer":
      return { type: "timer.pause" };
    case "resume-timer":
      return { type: "timer.resume" };
  }
}
