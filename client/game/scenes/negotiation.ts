// Negotiation: the table with the instrument's provision cards on it.
import type { SessionView } from "../../../shared/view.ts";
import { PhaseScene } from "./phase-scene.ts";
import { drawBanner } from "../draw/banner.ts";
import { drawTable, type Area } from "../draw/table.ts";
import { drawProvisionTiles } from "../draw/provision-tiles.ts";
import { negotiationPanel } from "../panels/negotiation.ts";
import { provisionsOf, provisionStatus, STATUS_WORDS } from "../../ui/words.ts";
import type { GameContext } from "../context.ts";

export class NegotiationScene extends PhaseScene {
  constructor(key = "negotiation") {
    super(key);
  }
  protected draw(view: SessionView, a: Area): void {
    const inst = view.instruments.find((i) => i.id === this.ctx.instrument) ?? view.instruments[0];
    const top = drawBanner(this.kept, inst?.title ?? "Negotiation", a.w);
    // On a phone the cards lie in a strip under the table; on wider screens, on the table itself.
    const narrow = a.w < 500;
    const table = { x: a.x, y: top, w: a.w, h: narrow ? Math.min(118, (a.h - top) * 0.6) : a.h - top };
    drawTable(this.kept, view, this.mine, table);
    const inner = narrow
      ? { x: a.x + 6, y: table.y + table.h + 4, w: a.w - 12, h: a.h - table.y - table.h - 8 }
      : { x: table.x + table.w * 0.22, y: table.y + table.h * 0.3, w: table.w * 0.56, h: table.h * 0.4 };
    drawProvisionTiles(
      this.kept,
      provisionsOf(view, inst?.id ?? "code"),
      inner,
      (id) => this.ctx.openProvision(id),
      this.ctx.openedProvision,
    );
  }
  protected override words(view: SessionView): string {
    const inst = view.instruments.find((i) => i.id === this.ctx.instrument) ?? view.instruments[0];
    const tiles = provisionsOf(view, inst?.id ?? "code").map(
      (p) => `${p.title} (${STATUS_WORDS[provisionStatus(p)]}${p.flags.length ? ", in the news" : ""})`,
    );
    const on = tiles.length ? `On the table: ${tiles.join("; ")}.` : "No provision tabled yet.";
    return `${inst?.title ?? "Negotiation"}. ${on} ${super.words(view)}`;
  }
  protected makePanel(ctx: GameContext) {
    return negotiationPanel(ctx);
  }
}
