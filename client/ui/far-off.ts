// A part of the page far from the screen need not be laid out and painted
// again on every change. On a phone the talk's lines sit about two screens
// below the provisions; while they are out there, a new chat line changed the
// page's DOM and still cost a whole frame of layout and paint (about 8 ms of a
// chat line's 13.6 ms patch to paint at 4x CPU throttle in the soak). Chromium's
// own `content-visibility: auto` keeps content within about a screen and a half
// of the viewport rendered, so it skipped nothing there.
//
// So: while the element is more than half a screen from the viewport it gets
// the class `far-off` (`content-visibility: hidden`): its DOM stays current,
// only the rendering of what is inside waits. When it comes within half a
// screen it is rendered again, before it reaches the screen, and `back` runs
// (talk follows the newest line then). What is inside is out of
// the accessibility tree meanwhile, so talk tells a screen reader of new lines
// another way (talk.ts).

export interface FarOff {
  /** Whether the element is far from the screen now (its contents not rendered). */
  readonly far: boolean;
}

/** Half a screen above and below the viewport counts as near. */
const NEAR = "50% 0px 50% 0px";

export function restWhileFarOff(el: HTMLElement, back: () => void): FarOff {
  let far = false;
  const seen = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const nowFar = !entry.isIntersecting;
      if (nowFar === far) return;
      far = nowFar;
      el.classList.toggle("far-off", far);
      if (!far) back();
    },
    { rootMargin: NEAR },
  );
  seen.observe(el);
  // Never disconnected: the talk panel lives as long as its page.
  return {
    get far() {
      return far;
    },
  };
}
