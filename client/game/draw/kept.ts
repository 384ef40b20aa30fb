// The canvas is drawn from the view on every change, but its game objects are
// kept: each drawing call names its object (a key), and an object drawn again
// under the same key is moved, resized, recoloured or re-lettered in place.
// Only a Text whose words or style changed redraws its texture. Objects not
// drawn in a pass (a seat that left, a card withdrawn) are destroyed, with
// their textures. Nothing is destroyed and rebuilt just because something
// else changed, so a page's memory stays flat through a whole lesson.
import type * as Phaser from "phaser";

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;
type Obj = Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Depth;

/** What of an object a frame shows: place, size, order, colour, fade, words. */
const LOOKS = [
  "x",
  "y",
  "depth",
  "alpha",
  "visible",
  "scaleX",
  "scaleY",
  "rotation",
  "originX",
  "originY",
  "width",
  "height",
  "radius",
  "fillColor",
  "fillAlpha",
  "isFilled",
  "strokeColor",
  "strokeAlpha",
  "lineWidth",
  "isStroked",
  "text",
] as const;
const GEOM = ["x1", "y1", "x2", "y2", "x3", "y3"] as const;
const STYLE = ["color", "backgroundColor", "fontSize", "fontStyle", "fontFamily", "align"] as const;

/** One string of what a frame would show of `obj`: the same string, the same pixels. */
function looks(obj: Obj): string {
  const o = obj as unknown as Record<string, unknown>;
  const geom = o.geom as Record<string, unknown> | undefined;
  const style = o.style as Record<string, unknown> | undefined;
  return [
    ...LOOKS.map((p) => o[p]),
    ...(geom ? GEOM.map((p) => geom[p]) : []),
    ...(style ? STYLE.map((p) => style[p]) : []),
  ].join("|");
}

export class Kept {
  private readonly live = new Map<string, Obj>();
  private readonly drawn = new Set<string>();
  private readonly styles = new WeakMap<Phaser.GameObjects.Text, string>();
  private readonly taps = new Map<string, () => void>();
  /** What each object looked like after the last pass. */
  private readonly looked = new Map<string, string>();
  private depth = 0;

  constructor(readonly scene: Phaser.Scene) {}

  /**
   * One drawing pass: whatever `draw` does not draw again leaves the canvas.
   * Says whether the canvas now looks different: a patch that changes nothing
   * drawn (a stance, on a phone's strip of seats) then costs no frame at all.
   */
  pass(draw: () => void): boolean {
    this.drawn.clear();
    this.depth = 0;
    draw();
    let changed = false;
    for (const [key, obj] of this.live) {
      if (this.drawn.has(key)) {
        const now = looks(obj);
        if (this.looked.get(key) !== now) {
          this.looked.set(key, now);
          changed = true;
        }
        continue;
      }
      obj.destroy();
      this.live.delete(key);
      this.taps.delete(key);
      this.looked.delete(key);
      changed = true;
    }
    return changed;
  }

  /** Lets go of every object (the scene is shutting down). */
  clear(): void {
    this.pass(() => undefined);
  }

  private keep<T extends Obj>(key: string, make: () => T, update: (o: T) => void): T {
    let obj = this.live.get(key) as T | undefined;
    if (!obj) {
      obj = make();
      this.live.set(key, obj);
    } else update(obj);
    this.drawn.add(key);
    // Drawing order is the order of the calls, whatever order the objects were made in.
    obj.setDepth(this.depth++);
    return obj;
  }

  text(key: string, x: number, y: number, words: string, style: TextStyle): Phaser.GameObjects.Text {
    const sig = JSON.stringify(style);
    return this.keep(
      key,
      () => {
        const t = this.scene.add.text(x, y, words, style);
        this.styles.set(t, sig);
        return t;
      },
      (t) => {
        if (this.styles.get(t) !== sig) {
          // Phaser keeps what a new style leaves out (and reads a null as "leave it"): reset what the
          // drawings set at times only, so a phone's wrap width does not stay once the page grew wider.
          t.setStyle({ maxLines: 0, align: "left", fontStyle: "", ...style });
          if (!style.wordWrap) t.setWordWrapWidth(null);
          if (!style.backgroundColor) t.setBackgroundColor("transparent");
          this.styles.set(t, sig);
        }
        t.setText(words);
        t.setPosition(x, y);
      },
    );
  }

  rect(key: string, x: number, y: number, w: number, h: number, fill: number): Phaser.GameObjects.Rectangle {
    return this.keep(
      key,
      () => this.scene.add.rectangle(x, y, w, h, fill),
      (r) => {
        r.setPosition(x, y);
        if (r.width !== w || r.height !== h) r.setSize(w, h);
        r.setFillStyle(fill);
      },
    );
  }

  circle(key: string, x: number, y: number, radius: number, fill: number): Phaser.GameObjects.Arc {
    return this.keep(
      key,
      () => this.scene.add.circle(x, y, radius, fill),
      (c) => {
        c.setPosition(x, y);
        if (c.radius !== radius) c.setRadius(radius);
        c.setFillStyle(fill);
      },
    );
  }

  ellipse(key: string, x: number, y: number, w: number, h: number, fill: number): Phaser.GameObjects.Ellipse {
    return this.keep(
      key,
      () => this.scene.add.ellipse(x, y, w, h, fill),
      (e) => {
        e.setPosition(x, y);
        if (e.width !== w || e.height !== h) e.setSize(w, h);
        e.setFillStyle(fill);
      },
    );
  }

  triangle(
    key: string,
    x: number,
    y: number,
    points: [number, number, number, number, number, number],
    fill: number,
  ): Phaser.GameObjects.Triangle {
    return this.keep(
      key,
      () => this.scene.add.triangle(x, y, ...points, fill),
      (t) => {
        t.setPosition(x, y);
        t.setTo(...points);
        t.setFillStyle(fill);
      },
    );
  }

  /** A container made once (its children with it); later passes only move it. */
  container(key: string, x: number, y: number, children: () => Phaser.GameObjects.GameObject[]) {
    return this.keep(
      key,
      () => this.scene.add.container(x, y, children()),
      (c) => c.setPosition(x, y),
    );
  }

  /** Makes a kept object answer a tap with the latest `act` (one listener, however many passes). */
  onTap(key: string, obj: Phaser.GameObjects.GameObject, act: () => void): void {
    if (!this.taps.has(key)) {
      obj.setInteractive({ useHandCursor: true });
      obj.on("pointerdown", () => this.taps.get(key)?.());
    }
    this.taps.set(key, act);
  }
}
