// The table on the projector: every delegation down one long table at the
// side of the screen, in its colours, with its emblem, its name, the head's star and who
// is here (in signing: who has signed). Drawn with the same kept objects as
// the students' table, only when what it shows changes, in type that reads
// from the back of the room (28 px and up on a 1080p screen).
import * as Phaser from "phaser";
import type { SessionView } from "../../shared/view.ts";
import { Kept } from "../game/draw/kept.ts";
import { drawTable } from "../game/draw/table.ts";
import { drawOnChange, FRAMES_AFTER_START } from "../game/painter.ts";
import { whenChanged } from "../ui/keyed.ts";
import { signedWords } from "../game/draw/signed-words.ts";

/** The projector's type scale: 1 at 1920x1080, in proportion on smaller screens. */
export const screenUnit = (): number => Math.min(window.innerWidth / 1920, window.innerHeight / 1080);

class BandScene extends Phaser.Scene {
  kept!: Kept;
  private changed = whenChanged();
  view: SessionView | null = null;

  constructor() {
    super("band");
  }
  create(): void {
    this.kept = new Kept(this);
    this.scale.on("resize", () => this.redraw(true));
    this.redraw();
  }
  /** Draws the table if what it shows changed; says whether the picture changed. */
  redraw(force = false): boolean {
    const v = this.view;
    if (!v || !this.kept) return false;
    let drew = false;
    const w = this.scale.width;
    const hgt = this.scale.height;
    if (force) this.changed = whenChanged();
    this.changed([v.seats, v.scenario.delegations, v.signatures, v.declines, v.instruments, v.phase, w, hgt], () => {
      drew = this.kept.pass(() =>
        drawTable(
          this.kept,
          v,
          null,
          { x: 0, y: 0, w, h: hgt },
          {
            column: true,
            labelPx: Math.round(30 * screenUnit()),
            status: (d) => (v.phase === "signing" ? signedWords(v, d) : null),
          },
        ),
      );
    });
    return drew;
  }
}

export interface Band {
  show(view: SessionView): void;
  readonly scene: Phaser.Scene;
}

export function tableBand(stage: HTMLElement): Band {
  const scene = new BandScene();
  const game = new Phaser.Game({
    // Canvas 2D like the students' table (game/boot.ts): no WebGL context on the school's PC.
    type: Phaser.CANVAS,
    parent: stage,
    backgroundColor: "#efe9dd",
    scale: { mode: Phaser.Scale.RESIZE, width: stage.clientWidth || 1200, height: stage.clientHeight || 200 },
    scene: [scene],
    banner: false,
    audio: { noAudio: true },
  });
  const painter = drawOnChange(game, stage);
  // The band may have changed size while Phaser booted (the header filling in): measure it once more.
  game.events.once("ready", () => {
    game.scale.dirty = true;
    painter.paint(FRAMES_AFTER_START);
  });
  return {
    show(view) {
      scene.view = view;
      if (!game.isBooted) return;
      if (scene.redraw()) painter.paint(FRAMES_AFTER_START);
    },
    scene,
  };
}
