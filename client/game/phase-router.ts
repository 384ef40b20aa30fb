// The one place that maps the session's phase to a scene.
import type { SessionView } from "../../shared/view.ts";

export const SCENE_KEYS = ["lobby", "briefing", "opening", "negotiation", "final-text", "signing", "debrief"] as const;
export type SceneKey = (typeof SCENE_KEYS)[number];

export function sceneFor(view: SessionView | null): SceneKey {
  if (!view) return "lobby";
  // Before the teacher starts the clock, the class is still finding its seats.
  if (view.phase === "briefing" && view.timer.state === "off") return "lobby";
  return view.phase;
}
