// Draw on change: Phaser's loop would render 60 frames a second whether
// anything moved or not, burning a core and a battery through a lesson. The
// loop sleeps; a change to the view, a resize or a tap wakes it for a few
// frames (wake() renders one at once), an animation keeps it awake while it
// plays, and then it sleeps again (TimeStep.sleep/wake, Phaser 4).
import * as Phaser from "phaser";

/** Frames drawn after a change (wake() draws the first at once); a scene started or a resize takes one step more. */
const FRAMES_AFTER_CHANGE = 1;
const FRAMES_AFTER_START = 2;

export { FRAMES_AFTER_START };

export interface Painter {
  /** Draw the next frame (or `frames` frames), then sleep again. */
  paint(frames?: number): void;
  /** Lets go of the listeners. */
  stop(): void;
}

export function drawOnChange(game: Phaser.Game, stage: HTMLElement): Painter {
  let framesLeft = FRAMES_AFTER_START;
  const animating = () => game.scene.getScenes(true).some((s) => s.tweens.getTweens().length > 0);
  const afterRender = () => {
    framesLeft--;
    if (framesLeft <= 0 && !animating()) game.loop.sleep();
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, afterRender);
  const paint = (frames = FRAMES_AFTER_CHANGE) => {
    framesLeft = Math.max(framesLeft, frames);
    if (!game.loop.running) game.loop.wake();
  };
  // Phaser's scale manager looks at its parent's size on a step, and only every half second unless told:
  // when the stage changes size, tell it and wake the loop.
  const resized = new ResizeObserver(() => {
    game.scale.dirty = true;
    paint(FRAMES_AFTER_START);
  });
  resized.observe(stage);
  // A tab coming back to the front shows the latest frame.
  const visible = () => paint(FRAMES_AFTER_START);
  game.events.on(Phaser.Core.Events.VISIBLE, visible);
  return {
    paint,
    stop() {
      resized.disconnect();
      game.events.off(Phaser.Core.Events.POST_RENDER, afterRender);
      game.events.off(Phaser.Core.Events.VISIBLE, visible);
    },
  };
}
