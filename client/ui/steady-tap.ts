// A tap is a press and a release. While the class keeps changing things, the
// page can move a little between the two (a chip wraps, a badge grows): the
// release then lands beside the button, and the browser sends no click. A
// press on a button released a moment later, close to where it was pressed,
// is still that button's tap: this sends its click. A drag or a scroll (the
// finger moved) is not a tap; a keyboard press is a click already.
const MOVE_PX = 12;
const HOLD_MS = 700;

export function steadyTap(button: HTMLButtonElement): HTMLButtonElement {
  button.addEventListener("pointerdown", (down) => {
    if (down.button !== 0) return;
    const t0 = performance.now();
    const up = (e: PointerEvent) => {
      document.removeEventListener("pointerup", up, true);
      const moved = Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY);
      const onButton = e.target instanceof Node && button.contains(e.target);
      if (!onButton && moved <= MOVE_PX && performance.now() - t0 <= HOLD_MS && button.isConnected && !button.disabled)
        button.click();
    };
    document.addEventListener("pointerup", up, true);
  });
  return button;
}
