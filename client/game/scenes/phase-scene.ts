// What every phase scene does: draw the canvas from the view (its objects kept
// and updated in place, see draw/kept.ts), keep its DOM panel up to date, ask
// for one paint after each change, and let go of both when the phase changes.
import * as Phaser from "phaser";
import type { SessionView } from "../../../shared/view.ts";
import type { GameContext } from "../context.ts";
import { me } from "../context.ts";
import { drawTable, type Area } from "../draw/table.ts";
import { tableWords } from "../../ui/table-words.ts";

/** Below this width the canvas is a strip of seats. */
export const STRIP_BELOW = 520;
/** The smallest type on a phone's canvas. */
export const PHONE_PX = 14;
import { keepFocus } from "../../ui/keep-focus.ts";
import { Kept } from "../draw/kept.ts";
import { partsOf, whenChanged } from "../../ui/keyed.ts";

export interface Panel {
  update(view: SessionView): void;
  destroy?(): void;
}

export abstract class PhaseScene extends Phaser.Scene {
  protected ctx!: GameContext;
  protected kept!: Kept;
  private panel: Panel | null = null;
  private canvasChanged = whenChanged();
  private wordsChanged = whenChanged();
  private panelChanged = whenChanged();

  create(): void {
    this.ctx = this.registry.get("ctx") as GameContext;
    this.kept = new Kept(this);
    this.canvasChanged = whenChanged();
    this.wordsChanged = whenChanged();
    this.panelChanged = whenChanged();
    const off = this.ctx.link.on("view", (v) => this.refresh(v));
    const onResize = () => this.ctx.link.view && this.refresh(this.ctx.link.view);
    this.scale.on("resize", onResize);
    this.panel = this.makePanel(this.ctx);
    this.events.once("shutdown", () => {
      off();
      this.scale.off("resize", onResize);
      this.panel?.destroy?.();
      this.panel = null;
      this.kept.clear();
    });
    if (this.ctx.link.view) this.refresh(this.ctx.link.view);
  }

  /** Draws again from the same view: something on this page changed (an instrument tab, a card opened). */
  redraw(): void {
    this.panelChanged = whenChanged();
    if (this.ctx?.link.view) this.refresh(this.ctx.link.view);
  }

  /** The canvas and the panel, from the latest view. */
  private refresh(view: SessionView): void {
    if (!this.sys.isActive()) return;
    // Neither the canvas nor a phase's panel shows talk (the talk panel has its own) or the server's
    // clock: a chat line, the commonest change of all, touches neither.
    const parts = partsOf(view, ["channels", "now"]);
    const area = { x: 0, y: 0, w: this.scale.width, h: this.scale.height };
    // A phone gets a strip of seats: the panel's controls come first on its small screen. The strip
    // shows only who sits where, so a stance or a new provision does not even walk its objects.
    const strip = area.w < STRIP_BELOW;
    const drawn = strip ? this.stripParts(view) : parts;
    this.canvasChanged([...drawn, area.w, area.h, this.ctx.instrument, this.ctx.openedProvision, this.mine], () => {
      if (this.kept.pass(() => (strip ? this.drawStrip(view, area) : this.draw(view, area)))) this.ctx.paint();
    });
    this.wordsChanged([...parts, this.ctx.instrument, this.mine], () => this.ctx.canvasWords(this.words(view)));
    // Panels keep their elements; where one must be replaced, a keyboard user's focus stays on the same control.
    this.panelChanged([...parts, this.mine], () => keepFocus(this.ctx.panel, () => this.panel?.update(view)));
  }

  protected get mine(): string | null {
    return me(this.ctx).delegation;
  }

  /** A phone's strip: the seats in a row, in type no smaller than 14 px, each with who is here (or `stripStatus`). */
  protected drawStrip(view: SessionView, area: Area): void {
    drawTable(this.kept, view, this.mine, area, {
      row: true,
      labelPx: PHONE_PX,
      short: true,
      status: (d) => this.stripStatus(view, d),
    });
  }

  protected stripStatus(_view: SessionView, _delegation: string): string | null {
    return null;
  }

  /** The parts of the view the strip is drawn from (with `stripStatus`'s and a `drawStrip` override's). */
  protected stripParts(view: SessionView): unknown[] {
    return [view.scenario, view.seats, view.phase, view.instruments, view.signatures, view.declines, view.debrief];
  }

  /** What the canvas shows, in words, for a screen reader (the page keeps it in a visually hidden line). */
  protected words(view: SessionView): string {
    return tableWords(view, this.mine);
  }

  protected abstract draw(view: SessionView, area: Area): void;
  protected abstract makePanel(ctx: GameContext): Panel;
}
