// Draw on change: Phaser's loop would render 60 frames a second whether
// anything moved or not, burning a core and a battery through a lesson. The
// loop sleeps; a change to the view, a resize or a tap wakes it for a few
// frames (wake() renders one at once), an animation keeps it awake while it
// plays, and then it sleeps again (TimeStep.sleep/wake, Phaser 4).
import * as Phaser from "phaser";

/** Frames drawn after each wake: the change itself, and a scene started by it (started on the next step). */
const FRAMES_AFTER_CHANGE = 3;

export interface Painter {
  /** Draw the next few frames, then sleep again. */
  paint(): void;
  /** Lets go of the listeners. */
  stop(): void;
}

export function drawOnChange(game: Phaser.Game, stage: HTMLElement): Painter {
  let framesLeft = FRAMES_AFTER_CHANGE;
  const animating = () => game.scene.getScenes(true).some((s) => s.tweens.getTweens().length > 0);
  const afterRender = () => {
    framesLeft--;
    if (framesLeft <= 0 && !animating()) game.loop.sleep();
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, afterRender);
  const paint = () => {
    framesLeft = Math.max(framesLeft, FRAMES_AFTER_CHANGE);
    if (!game.loop.running) game.loop.wake();
  };
  // Phaser's scale manager looks at its parent's size on a step, and only every half second unless told:
  // when the stage changes size, tell it and wake the loop.
  const resized = new ResizeObserver(() => {
    game.scale.dirty = true;
    paint();
  });
  resized.observe(stage);
  // A tab coming back to the front shows the latest frame.
  game.events.on(Phaser.Core.Events.VISIBLE, paint);
  return {
    paint,
    stop() {
      resized.disconnect();
      game.events.off(Phaser.Core.Events.POST_RENDER, afterRender);
      game.events.off(Phaser.Core.Events.VISIBLE, paint);
    },
  };
}
