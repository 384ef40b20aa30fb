// Opening statements: each delegation speaks on the floor.
import type { SessionView } from "../../../shared/view.ts";
import { PhaseScene } from "./phase-scene.ts";
import { drawBanner } from "../draw/banner.ts";
import { drawTable, type Area } from "../draw/table.ts";
import { openingPanel } from "../panels/opening.ts";
import type { GameContext } from "../context.ts";

export class OpeningScene extends PhaseScene {
  constructor() {
    super("opening");
  }
  protected draw(view: SessionView, a: Area): void {
    const top = drawBanner(this.kept, "Opening statements", a.w);
    drawTable(this.kept, view, this.mine, { x: a.x, y: top, w: a.w, h: a.h - top });
  }
  protected makePanel(ctx: GameContext) {
    return openingPanel(ctx);
  }
}
