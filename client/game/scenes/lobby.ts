// Lobby: the table fills up while the teacher waits to start.
import type { SessionView } from "../../../shared/view.ts";
import { PhaseScene } from "./phase-scene.ts";
import { drawBanner } from "../draw/banner.ts";
import { drawTable, type Area } from "../draw/table.ts";
import { lobbyPanel } from "../panels/lobby.ts";
import type { GameContext } from "../context.ts";

export class LobbyScene extends PhaseScene {
  constructor() {
    super("lobby");
  }
  protected draw(view: SessionView, a: Area): void {
    const top = drawBanner(this.kept, "Finding our seats…", a.w);
    drawTable(this.kept, view, this.mine, { x: a.x, y: top, w: a.w, h: a.h - top });
  }
  protected makePanel(ctx: GameContext) {
    return lobbyPanel(ctx);
  }
}
