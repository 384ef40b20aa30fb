// Briefing: your seat at the table, your position and your secret brief.
import type { SessionView } from "../../../shared/view.ts";
import { PhaseScene } from "./phase-scene.ts";
import { drawBanner } from "../draw/banner.ts";
import { drawTable, type Area } from "../draw/table.ts";
import { briefingPanel } from "../panels/briefing.ts";
import type { GameContext } from "../context.ts";

export class BriefingScene extends PhaseScene {
  constructor() {
    super("briefing");
  }
  protected draw(view: SessionView, a: Area): void {
    const top = drawBanner(this.kept, "Briefing: read your brief", a.w);
    drawTable(this.kept, view, this.mine, { x: a.x, y: top, w: a.w, h: a.h - top });
  }
  protected makePanel(ctx: GameContext) {
    return briefingPanel(ctx);
  }
}
