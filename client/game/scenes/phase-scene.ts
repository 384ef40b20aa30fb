// What every phase scene does: redraw the canvas from the view, keep its DOM
// panel up to date, and let go of both when the phase changes.
import * as Phaser from "phaser";
import type { SessionView } from "../../../shared/view.ts";
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import type { Area } from "../draw/table.ts";
import { keepFocus } from "../../ui/keep-focus.ts";

export interface Panel {
  update(view: SessionView): void;
  destroy?(): void;
}

export abstract class PhaseScene extends Phaser.Scene {
  protected ctx!: GameContext;
  private panel: Panel | null = null;

  create(): void {
    this.ctx = this.registry.get("ctx") as GameContext;
    const off = this.ctx.link.on("view", (v) => this.refresh(v));
    const onResize = () => this.ctx.link.view && this.refresh(this.ctx.link.view);
    this.scale.on("resize", onResize);
    this.panel = this.makePanel(this.ctx);
    this.events.once("shutdown", () => {
      off();
      this.scale.off("resize", onResize);
      this.panel?.destroy?.();
      this.panel = null;
    });
    if (this.ctx.link.view) this.refresh(this.ctx.link.view);
  }

  redraw(): void {
    if (this.ctx?.link.view) this.refresh(this.ctx.link.view);
  }

  /** The canvas and the panel, from the latest view. */
  private refresh(view: SessionView): void {
    if (!this.sys.isActive()) return;
    this.children.removeAll(true);
    this.draw(view, { x: 0, y: 0, w: this.scale.width, h: this.scale.height });
    // The panel's controls are rebuilt: keep a keyboard user's focus on the same one.
    keepFocus(this.ctx.panel, () => this.panel?.update(view));
  }

  protected get mine(): string | null {
    return me(this.ctx).delegation;
  }

  protected abstract draw(view: SessionView, area: Area): void;
  protected abstract makePanel(ctx: GameContext): Panel;
}
