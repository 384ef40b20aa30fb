// Debrief: the class's outcome meters and every delegation's score.
import type { SessionView } from "../../../shared/view.ts";
import { PhaseScene } from "./phase-scene.ts";
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
  protected makePanel(ctx: GameContext) {
    return debriefPanel(ctx);
  }
}
