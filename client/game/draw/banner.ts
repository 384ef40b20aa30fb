// A title line across the top of the canvas.
import type { Kept } from "./kept.ts";
import { FONT } from "./palette.ts";

/** Draws the title and returns where the space under it begins. */
export function drawBanner(k: Kept, text: string, width: number): number {
  const t = k
    .text("banner", width / 2, 6, text, {
      fontFamily: FONT,
      fontSize: width < 500 ? "15px" : "22px",
      color: "#1d232b",
      fontStyle: "bold",
      align: "center",
      wordWrap: { width: width - 16 },
    })
    .setOrigin(0.5, 0);
  return t.y + t.height + 4;
}
