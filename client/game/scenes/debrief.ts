// Debrief: the class's outcome meters and every delegation's score.
import type { SessionView } from "../../../shared/view.ts";
import { PhaseScene, PHONE_PX } from "./phase-scene.ts";
import { drawBanner } from "../draw/banner.ts";
import { drawMeters } from "../draw/meters.ts";
import type { Area } from "../draw/table.ts";
import { debriefPanel } from "../panels/debrief.ts";
import type { GameContext } from "../context.ts";

export class DebriefScene extends PhaseScene {
  constructor() {
    super("debrief");
  }
  protected draw(view: SessionView, a: Area): void {
    const top = drawBanner(this.kept, "Debrief: what did we agree?", a.w);
    drawMeters(this.kept, view, { x: a.x, y: top + 4, w: a.w, h: a.h - top - 4 });
  }
  /** A phone's strip: the two meters only (each delegation's result is in the panel). */
  protected override drawStrip(view: SessionView, a: Area): void {
    drawMeters(this.kept, view, { x: a.x, y: a.y + 4, w: a.w, h: a.h - 4 }, { scores: false, minPx: PHONE_PX });
  }
  protected override words(view: SessionView): string {
    const d = view.debrief;
    if (!d) return "The results are being counted.";
    const sign = (n: number) => (n > 0 ? `+${n}` : `${n}`);
    return `The Internet: ${sign(d.commons)} (from national cyberspaces to a global commons). Stability: ${sign(d.stability)}.`;
  }
  protected makePanel(ctx: GameContext) {
    return debriefPanel(ctx);
  }
}
